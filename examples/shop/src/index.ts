/** The example shop's entry point. */
import { Cart } from './cart.ts';
import { Inventory } from './inventory.ts';

export { Cart } from './cart.ts';
export { Inventory } from './inventory.ts';

/** Runs one checkout and prints the total. */
export function main(): void {
  const inventory = new Inventory();
  inventory.restock('tea', 10);
  const cart = new Cart(inventory);
  cart.add({ sku: 'tea', name: 'Green tea', price: 450 }, 2);
  cart.useDiscount({ code: 'WELCOME', percent: 10 });
  console.log(`total: ${cart.checkout()} cents`);
}
