import { afterAll, describe, expect, it } from 'vitest';
import { definitionLines, importLines, parseSnippet, referenceLines, removeSnippets, symbolNamed } from './testing/snippets.ts';

afterAll(removeSnippets);

const source = `//! Shopping carts.
use std::collections::HashMap;
use std::fmt::{self, Display};
use crate::items::{Item, Price as P};

/// The most items a cart holds.
pub const MAX_ITEMS: usize = 100;

/// A cart.
#[derive(Debug, Default)]
pub struct Cart {
    pub owner: String,
    items: Vec<Item>,
}

pub enum Status { Open, Paid { at: u64 } }

/// Things with a total.
pub trait Total {
    /// Sums the prices.
    fn total(&self) -> P;
}

impl Cart {
    /// Makes an empty cart.
    pub fn new(owner: &str) -> Self {
        Cart { owner: owner.to_string(), items: Vec::new() }
    }

    fn push(&mut self, item: Item) {
        self.items.push(item);
    }
}

impl Total for Cart {
    fn total(&self) -> P {
        self.items.iter().map(|item| item.price).sum()
    }
}

macro_rules! cart {
    ($owner:expr) => { Cart::new($owner) };
}

mod tests {
    fn builds() { let c = cart!("me"); assert_eq!(c.owner, "me"); }
}
`;

describe('extractFacts for Rust', () => {
  it('finds structs, enums, traits, impl methods as Type.method, constants, macros and modules', async () => {
    const facts = await parseSnippet('rust', 'cart.rs', source);
    expect(definitionLines(facts)).toEqual([
      'constant MAX_ITEMS exported',
      'struct Cart exported',
      'field Cart.owner exported',
      'field Cart.items',
      'enum Status exported',
      'enum-member Status.Open exported',
      'enum-member Status.Paid exported',
      'field Status.Paid.at',
      'trait Total exported',
      'method Total.total exported',
      'method Cart.new exported',
      'method Cart.push',
      'method Cart.total exported',
      'macro cart exported',
      'module tests',
      'function tests.builds',
    ]);
    expect(facts.hasErrors).toBe(false);
  });

  it('reads signatures, docs and parents', async () => {
    const facts = await parseSnippet('rust', 'cart.rs', source);
    expect(symbolNamed(facts, 'MAX_ITEMS')).toMatchObject({ signature: 'pub const MAX_ITEMS: usize = 100', doc: 'The most items a cart holds.', parent: -1 });
    expect(symbolNamed(facts, 'Cart')).toMatchObject({ signature: 'pub struct Cart', doc: 'A cart.', parent: -1 });
    expect(symbolNamed(facts, 'Total.total')).toMatchObject({ signature: 'fn total(&self) -> P', doc: 'Sums the prices.', parent: 8 });
    expect(symbolNamed(facts, 'Cart.new')).toMatchObject({ signature: 'pub fn new(owner: &str) -> Self', doc: 'Makes an empty cart.', parent: 1 });
    expect(symbolNamed(facts, 'Cart.total')).toMatchObject({ signature: 'fn total(&self) -> P', doc: '', parent: 1 });
    expect(symbolNamed(facts, 'cart')).toMatchObject({ signature: 'macro_rules! cart', doc: '', parent: -1 });
  });

  it('records method calls with receivers, struct literals as constructions, paths', async () => {
    const facts = await parseSnippet('rust', 'cart.rs', source);
    expect(referenceLines(facts)).toEqual([
      'import HashMap 2:4 in -',
      'import fmt 3:15 in -',
      'import Display 3:21 in -',
      'import Item 4:19 in -',
      'import Price 4:25 in -',
      'type String 12:15 in Cart.owner',
      'type Vec 13:11 in Cart.items',
      'type Item 13:15 in Cart.items',
      'type P 21:23 in Total.total',
      'type Cart 24:5 in -',
      'type Self 26:31 in Cart.new',
      'new Cart 27:8 in Cart.new',
      'read owner 27:22 in Cart.new',
      'call owner.to_string 27:28 in Cart.new',
      'read Vec 27:48 in Cart.new',
      'call Vec.new 27:53 in Cart.new',
      'type Item 30:29 in Cart.push',
      'read self.items 31:13 in Cart.push',
      'call self.items.push 31:19 in Cart.push',
      'read item 31:24 in Cart.push',
      'type Total 35:5 in -',
      'type Cart 35:15 in -',
      'type P 36:23 in Cart.total',
      'read self.items 37:13 in Cart.total',
      'call self.items.iter 37:19 in Cart.total',
      'call self.items.iter().map 37:26 in Cart.total',
      'read item 37:37 in Cart.total',
      'read item.price 37:42 in Cart.total',
      'call self.items.iter().map(|item| item.price).sum 37:49 in Cart.total',
      'read Cart 42:23 in cart',
      'read new 42:29 in cart',
      'call cart 46:26 in tests.builds',
      'call assert_eq 46:39 in tests.builds',
      'read c 46:50 in tests.builds',
      'read owner 46:52 in tests.builds',
    ]);
  });

  it('reads use trees', async () => {
    const facts = await parseSnippet('rust', 'cart.rs', source);
    expect(importLines(facts)).toEqual([
      'std::collections HashMap as HashMap @2',
      'std fmt as fmt @3',
      'std::fmt Display as Display @3',
      'crate::items Item as Item @4',
      'crate::items Price as P @4',
    ]);
  });
});
