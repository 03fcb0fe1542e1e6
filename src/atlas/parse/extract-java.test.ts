import { afterAll, describe, expect, it } from 'vitest';
import { definitionLines, importLines, parseSnippet, referenceLines, removeSnippets, symbolNamed } from './testing/snippets.ts';

afterAll(removeSnippets);

const source = `package shop.cart;

import java.util.ArrayList;
import java.util.List;
import static java.util.Objects.requireNonNull;

/**
 * A shopping cart.
 */
public class Cart<T extends Item> implements Iterable<T> {
  public static final int MAX_ITEMS = 100;
  private final List<T> items = new ArrayList<>();
  int version;

  /** Creates an empty cart. */
  public Cart() {
    this.version = 0;
  }

  @Override
  public Iterator<T> iterator() {
    return items.iterator();
  }

  /** Adds an item; returns false when full. */
  public boolean add(T item) {
    requireNonNull(item);
    if (items.size() >= MAX_ITEMS) return false;
    version++;
    return items.add(item);
  }

  public enum Status { OPEN, PAID }

  public record Line(String sku, int quantity) {}

  interface Listener { void changed(Cart<?> cart); }
}
`;

describe('extractFacts for Java', () => {
  it('finds classes, records, enums, interfaces, constructors, methods and fields; public ones exported', async () => {
    const facts = await parseSnippet('java', 'Cart.java', source);
    expect(definitionLines(facts)).toEqual([
      'class Cart exported',
      'field Cart.MAX_ITEMS exported',
      'field Cart.items',
      'field Cart.version',
      'constructor Cart.Cart exported',
      'method Cart.iterator exported',
      'method Cart.add exported',
      'enum Cart.Status exported',
      'enum-member Cart.Status.OPEN exported',
      'enum-member Cart.Status.PAID exported',
      'class Cart.Line exported',
      'interface Cart.Listener',
      'method Cart.Listener.changed',
    ]);
    expect(facts.hasErrors).toBe(false);
  });

  it('reads signatures, docs and parents', async () => {
    const facts = await parseSnippet('java', 'Cart.java', source);
    expect(symbolNamed(facts, 'Cart')).toMatchObject({ signature: 'public class Cart<T extends Item> implements Iterable<T>', doc: 'A shopping cart.', parent: -1 });
    expect(symbolNamed(facts, 'Cart.MAX_ITEMS')).toMatchObject({ signature: 'public static final int MAX_ITEMS = 100', doc: '', parent: 0 });
    expect(symbolNamed(facts, 'Cart.Cart')).toMatchObject({ signature: 'public Cart()', doc: 'Creates an empty cart.', parent: 0 });
    expect(symbolNamed(facts, 'Cart.add')).toMatchObject({ signature: 'public boolean add(T item)', doc: 'Adds an item; returns false when full.', parent: 0 });
    expect(symbolNamed(facts, 'Cart.Line')).toMatchObject({ signature: 'public record Line(String sku, int quantity)', doc: '', parent: 0 });
    expect(symbolNamed(facts, 'Cart.Listener.changed')).toMatchObject({ signature: 'void changed(Cart<?> cart)', doc: '', parent: 11 });
  });

  it('records method invocations with receivers, object creation, generic type uses', async () => {
    const facts = await parseSnippet('java', 'Cart.java', source);
    expect(referenceLines(facts)).toEqual([
      'import ArrayList 3:17 in -',
      'import List 4:17 in -',
      'import requireNonNull 5:32 in -',
      'type Item 10:28 in Cart',
      'type Iterable 10:45 in Cart',
      'type T 10:54 in Cart',
      'type List 12:16 in Cart.items',
      'type T 12:21 in Cart.items',
      'new ArrayList 12:36 in Cart.items',
      'write this.version 17:9 in Cart.Cart',
      'type Override 20:3 in Cart.iterator',
      'type Iterator 21:9 in Cart.iterator',
      'type T 21:18 in Cart.iterator',
      'read items 22:11 in Cart.iterator',
      'call items.iterator 22:17 in Cart.iterator',
      'type T 26:21 in Cart.add',
      'call requireNonNull 27:4 in Cart.add',
      'read item 27:19 in Cart.add',
      'read items 28:8 in Cart.add',
      'call items.size 28:14 in Cart.add',
      'read MAX_ITEMS 28:24 in Cart.add',
      'write version 29:4 in Cart.add',
      'read items 30:11 in Cart.add',
      'call items.add 30:17 in Cart.add',
      'read item 30:21 in Cart.add',
      'type String 35:21 in Cart.Line',
      'type Cart 37:36 in Cart.Listener.changed',
    ]);
  });

  it('reads imports, static imports included', async () => {
    const facts = await parseSnippet('java', 'Cart.java', source);
    expect(importLines(facts)).toEqual([
      'java.util ArrayList as ArrayList @3',
      'java.util List as List @4',
      'java.util.Objects requireNonNull as requireNonNull @5',
    ]);
  });
});
