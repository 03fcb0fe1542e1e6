/** Stock levels, reserved when a cart checks out. */

export interface Product {
  sku: string;
  name: string;
  price: number;
}

/** In-memory stock keyed by SKU. */
export class Inventory {
  private readonly stock = new Map<string, number>();

  /** Adds `count` units of a product. */
  restock(sku: string, count: number): void {
    this.stock.set(sku, this.available(sku) + count);
  }

  /** Units on hand. */
  available(sku: string): number {
    return this.stock.get(sku) ?? 0;
  }

  /** Takes `count` units, or throws when there are not enough. */
  reserve(sku: string, count: number): void {
    const left = this.available(sku) - count;
    if (left < 0) throw new Error(`Out of stock: ${sku}`);
    this.stock.set(sku, left);
  }
}
