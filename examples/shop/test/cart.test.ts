import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cart } from '../src/cart.ts';
import { Inventory } from '../src/inventory.ts';

test('total applies the discount before tax', () => {
  const inventory = new Inventory();
  inventory.restock('tea', 5);
  const cart = new Cart(inventory);
  cart.add({ sku: 'tea', name: 'Green tea', price: 1000 }, 1);
  cart.useDiscount({ code: 'HALF', percent: 50 });
  assert.equal(cart.total(), 600);
});

test('checkout fails when stock runs out', () => {
  const cart = new Cart(new Inventory());
  cart.add({ sku: 'tea', name: 'Green tea', price: 1000 }, 1);
  assert.throws(() => cart.checkout(), /Out of stock/);
});
