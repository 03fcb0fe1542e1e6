/** A shopping cart: lines, totals and checkout. */
import { applyDiscount, addTax, defaultTaxRate } from './pricing.ts';
import type { Discount } from './pricing.ts';
import { Inventory } from './inventory.ts';
import type { Product } from './inventory.ts';

export interface CartLine {
  product: Product;
  quantity: number;
}

/** Collects products and computes what the customer pays. */
export class Cart {
  private readonly lines: CartLine[] = [];
  private discount: Discount | undefined;
  private readonly inventory: Inventory;

  constructor(inventory: Inventory) {
    this.inventory = inventory;
  }

  /** Adds a product, merging with an existing line. */
  add(product: Product, quantity = 1): void {
    const line = this.lines.find((existing) => existing.product.sku === product.sku);
    if (line) line.quantity += quantity;
    else this.lines.push({ product, quantity });
  }

  /** Uses a discount code for the whole cart. */
  useDiscount(discount: Discount): void {
    this.discount = discount;
  }

  /** Sum of line prices before discount and tax. */
  subtotal(): number {
    return this.lines.reduce((sum, line) => sum + line.product.price * line.quantity, 0);
  }

  /** What the customer pays: discount first, then tax. */
  total(): number {
    return addTax(applyDiscount(this.subtotal(), this.discount), defaultTaxRate);
  }

  /** Reserves stock for every line and returns the total. */
  checkout(): number {
    for (const line of this.lines) this.inventory.reserve(line.product.sku, line.quantity);
    return this.total();
  }
}
