import { afterAll, describe, expect, it } from 'vitest';
import { definitionLines, importLines, parseSnippet, referenceLines, removeSnippets, symbolNamed } from './testing/snippets.ts';

afterAll(removeSnippets);

const source = `// Package cart keeps shopping carts.
package cart

import (
	"errors"
	"fmt"
	str "strings"
)

// ErrFull is returned when a cart is full.
var ErrFull = errors.New("cart full")

const (
	// MaxItems bounds a cart.
	MaxItems = 100
	minItems = 0
)

// Item is something to buy.
type Item interface {
	Price() int
}

// Cart holds items.
type Cart struct {
	Items   []Item
	owner   string
}

type ID = string

// New makes an empty cart.
func New(owner string) *Cart {
	return &Cart{owner: owner}
}

// Add puts an item in the cart.
func (c *Cart) Add(item Item) error {
	if len(c.Items) >= MaxItems {
		return fmt.Errorf("add: %w", ErrFull)
	}
	c.Items = append(c.Items, item)
	total := 0
	total += item.Price()
	return nil
}

func (c Cart) label() string { return str.ToUpper(c.owner) }
`;

describe('extractFacts for Go', () => {
  it('finds types, struct fields, interface methods, functions, receiver methods as Type.Method, constants and variables', async () => {
    const facts = await parseSnippet('go', 'cart.go', source);
    expect(definitionLines(facts)).toEqual([
      'variable ErrFull exported',
      'constant MaxItems exported',
      'constant minItems',
      'interface Item exported',
      'method Item.Price exported',
      'struct Cart exported',
      'field Cart.Items exported',
      'field Cart.owner',
      'type ID exported',
      'function New exported',
      'method Cart.Add exported',
      'method Cart.label',
    ]);
    expect(facts.hasErrors).toBe(false);
  });

  it('reads signatures, docs and parents', async () => {
    const facts = await parseSnippet('go', 'cart.go', source);
    expect(symbolNamed(facts, 'ErrFull')).toMatchObject({ signature: 'var ErrFull = errors.New("cart full")', doc: 'ErrFull is returned when a cart is full.', parent: -1 });
    expect(symbolNamed(facts, 'MaxItems')).toMatchObject({ signature: 'const MaxItems = 100', doc: 'MaxItems bounds a cart.', parent: -1 });
    expect(symbolNamed(facts, 'Item')).toMatchObject({ signature: 'type Item interface', doc: 'Item is something to buy.', parent: -1 });
    expect(symbolNamed(facts, 'Cart')).toMatchObject({ signature: 'type Cart struct', doc: 'Cart holds items.', parent: -1 });
    expect(symbolNamed(facts, 'New')).toMatchObject({ signature: 'func New(owner string) *Cart', doc: 'New makes an empty cart.', parent: -1 });
    expect(symbolNamed(facts, 'Cart.Add')).toMatchObject({ signature: 'func (c *Cart) Add(item Item) error', doc: 'Add puts an item in the cart.', parent: 5 });
    expect(symbolNamed(facts, 'Cart.label')).toMatchObject({ signature: 'func (c Cart) label() string', doc: '', parent: 5 });
  });

  it('records selector calls with receivers, composite literals as constructions, assignments as writes', async () => {
    const facts = await parseSnippet('go', 'cart.go', source);
    expect(referenceLines(facts)).toEqual([
      'read errors 11:14 in ErrFull',
      'call errors.New 11:21 in ErrFull',
      'type int 21:9 in Item.Price',
      'type Item 26:11 in Cart.Items',
      'type string 27:9 in Cart.owner',
      'type string 30:10 in ID',
      'type string 33:15 in New',
      'type Cart 33:24 in New',
      'new Cart 34:9 in New',
      'read owner 34:21 in New',
      'type Cart 38:9 in Cart.Add',
      'type Item 38:24 in Cart.Add',
      'type error 38:30 in Cart.Add',
      'call len 39:4 in Cart.Add',
      'read c 39:8 in Cart.Add',
      'read c.Items 39:10 in Cart.Add',
      'read MaxItems 39:20 in Cart.Add',
      'read fmt 40:9 in Cart.Add',
      'call fmt.Errorf 40:13 in Cart.Add',
      'read ErrFull 40:31 in Cart.Add',
      'read c 42:1 in Cart.Add',
      'write c.Items 42:3 in Cart.Add',
      'call append 42:11 in Cart.Add',
      'read c 42:18 in Cart.Add',
      'read c.Items 42:20 in Cart.Add',
      'read item 42:27 in Cart.Add',
      'write total 44:1 in Cart.Add',
      'read item 44:10 in Cart.Add',
      'call item.Price 44:15 in Cart.Add',
      'type Cart 48:8 in Cart.label',
      'type string 48:22 in Cart.label',
      'read str 48:38 in Cart.label',
      'call str.ToUpper 48:42 in Cart.label',
      'read c 48:50 in Cart.label',
      'read c.owner 48:52 in Cart.label',
    ]);
  });

  it('reads imports with aliases', async () => {
    const facts = await parseSnippet('go', 'cart.go', source);
    expect(importLines(facts)).toEqual([
      "errors * as '' @5",
      "fmt * as '' @6",
      'strings * as str @7',
    ]);
  });
});
