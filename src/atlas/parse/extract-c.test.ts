import { afterAll, describe, expect, it } from 'vitest';
import { definitionLines, importLines, parseSnippet, referenceLines, removeSnippets, symbolNamed } from './testing/snippets.ts';

afterAll(removeSnippets);

const source = `#ifndef CART_H
#define CART_H
#include <stddef.h>
#include "item.h"

#define MAX_ITEMS 100
#define CART_FULL(c) ((c)->count >= MAX_ITEMS)

/* An item line. */
typedef struct {
  const char *sku;
  int quantity;
} Line;

// A cart.
// Holds lines.
struct cart {
  Line lines[MAX_ITEMS];
  size_t count;
};

enum status { OPEN, PAID = 2 };

extern int cart_version;
int cart_add(struct cart *c, const Line *line);
static inline int cart_empty(const struct cart *c) { return c->count == 0; }

#endif
`;

describe('extractFacts for C', () => {
  it('finds macros, typedefs, structs, enums, globals and prototypes; static ones not exported', async () => {
    const facts = await parseSnippet('c', 'cart.h', source);
    expect(definitionLines(facts)).toEqual([
      'macro CART_H exported',
      'macro MAX_ITEMS exported',
      'macro CART_FULL exported',
      'type Line exported',
      'field Line.sku exported',
      'field Line.quantity exported',
      'struct cart exported',
      'field cart.lines exported',
      'field cart.count exported',
      'enum status exported',
      'enum-member status.OPEN exported',
      'enum-member status.PAID exported',
      'variable cart_version exported',
      'function cart_add exported',
      'function cart_empty',
    ]);
    expect(facts.hasErrors).toBe(false);
  });

  it('reads signatures, docs and parents', async () => {
    const facts = await parseSnippet('c', 'cart.h', source);
    expect(symbolNamed(facts, 'Line')).toMatchObject({ signature: 'typedef struct Line', doc: 'An item line.', parent: -1 });
    expect(symbolNamed(facts, 'Line.sku')).toMatchObject({ signature: 'const char *sku', doc: '', parent: 3 });
    expect(symbolNamed(facts, 'cart')).toMatchObject({ signature: 'struct cart', doc: 'A cart.\nHolds lines.', parent: -1 });
    expect(symbolNamed(facts, 'cart_add')).toMatchObject({ signature: 'int cart_add(struct cart *c, const Line *line)', doc: '', parent: -1 });
    expect(symbolNamed(facts, 'cart_empty')).toMatchObject({ signature: 'static inline int cart_empty(const struct cart *c)', doc: '', parent: -1 });
    expect(symbolNamed(facts, 'CART_FULL')).toMatchObject({ signature: '#define CART_FULL(c) ((c)->count >= MAX_ITEMS)', doc: '', parent: -1 });
  });

  it('records field accesses, type uses', async () => {
    const facts = await parseSnippet('c', 'cart.h', source);
    expect(referenceLines(facts)).toEqual([
      'read CART_H 1:8 in -',
      'type Line 18:2 in cart.lines',
      'read MAX_ITEMS 18:13 in cart.lines',
      'type cart 25:20 in cart_add',
      'type Line 25:35 in cart_add',
      'type cart 26:42 in cart_empty',
      'read c 26:60 in cart_empty',
      'read c.count 26:63 in cart_empty',
    ]);
  });

  it('reads includes', async () => {
    const facts = await parseSnippet('c', 'cart.h', source);
    expect(importLines(facts)).toEqual([
      "stddef.h * as '' @3",
      "item.h * as '' @4",
    ]);
  });

  it('skips declarations that macros made unparseable instead of inventing symbols', async () => {
    const macroSoup = 'ZEXTERN int ZEXPORT deflateEnd OF((z_streamp strm));\n#define CHECK(x) \\\n  do { if (!(x)) abort(); } while (0)\nint real_one(int a);\n';
    const facts = await parseSnippet('c', 'soup.h', macroSoup);
    expect(definitionLines(facts)).toEqual(['macro CHECK exported', 'function real_one exported']);
    expect(facts.errorLines).toEqual([1]);
    expect(symbolNamed(facts, 'CHECK').signature).toBe('#define CHECK(x) do { if (!(x)) abort(); } while (0)');
  });
});
