import { afterAll, describe, expect, it } from 'vitest';
import { definitionLines, importLines, parseSnippet, referenceLines, removeSnippets, symbolNamed } from './testing/snippets.ts';

afterAll(removeSnippets);

const source = `#include <string>
#include "cart.hpp"

namespace shop {

/// A cart of lines.
template <typename T>
class Cart : public Base {
public:
  explicit Cart(std::string owner);
  size_t size() const;
  static int instances;

private:
  std::vector<T> lines_;
  void touch() { version_++; }
  int version_ = 0;
};

template <typename T>
size_t Cart<T>::size() const { return lines_.size(); }

template <typename T>
Cart<T>::Cart(std::string owner) : lines_() { helper(owner); }

using Lines = std::vector<int>;
}  // namespace shop

struct Point { int x; int y; };

int main() {
  auto cart = new shop::Cart<int>("me");
  Point p{1, 2};
  p.x = cart->size();
  return 0;
}
`;

describe('extractFacts for C++', () => {
  it('finds namespaces, classes with access levels, out-of-line methods qualified by their class, aliases', async () => {
    const facts = await parseSnippet('cpp', 'cart.cpp', source);
    expect(definitionLines(facts)).toEqual([
      'namespace shop exported',
      'class shop.Cart exported',
      'constructor shop.Cart.Cart exported',
      'method shop.Cart.size exported',
      'field shop.Cart.instances exported',
      'field shop.Cart.lines_',
      'method shop.Cart.touch',
      'field shop.Cart.version_',
      'method shop.Cart.size exported',
      'constructor shop.Cart.Cart exported',
      'type shop.Lines exported',
      'struct Point exported',
      'field Point.x exported',
      'field Point.y exported',
      'function main exported',
    ]);
    expect(facts.hasErrors).toBe(false);
  });

  it('reads signatures, docs and parents', async () => {
    const facts = await parseSnippet('cpp', 'cart.cpp', source);
    expect(symbolNamed(facts, 'shop.Cart')).toMatchObject({ signature: 'class Cart : public Base', doc: 'A cart of lines.', parent: 0 });
    expect(symbolNamed(facts, 'shop.Cart.Cart')).toMatchObject({ signature: 'explicit Cart(std::string owner)', doc: '', parent: 1 });
    expect(symbolNamed(facts, 'shop.Cart.size')).toMatchObject({ signature: 'size_t size() const', doc: '', parent: 1 });
    expect(symbolNamed(facts, 'shop.Lines')).toMatchObject({ signature: 'using Lines = std::vector<int>', doc: '', parent: 0 });
    expect(symbolNamed(facts, 'main')).toMatchObject({ signature: 'int main()', doc: '', parent: -1 });
  });

  it('hangs out-of-line member definitions under their class', async () => {
    const facts = await parseSnippet('cpp', 'cart.cpp', source);
    const cart = facts.symbols.findIndex((symbol) => symbol.qualifiedName === 'shop.Cart');
    const sizes = facts.symbols.filter((symbol) => symbol.qualifiedName === 'shop.Cart.size');
    expect(sizes.map((symbol) => [symbol.signature, symbol.parent, symbol.startLine])).toEqual([
      ['size_t size() const', cart, 11],
      ['size_t Cart<T>::size() const', cart, 21],
    ]);
  });

  it('records qualified names, new, member calls', async () => {
    const facts = await parseSnippet('cpp', 'cart.cpp', source);
    expect(referenceLines(facts)).toEqual([
      'type Base 8:20 in shop.Cart',
      'read std 10:16 in shop.Cart.Cart',
      'type std.string 10:21 in shop.Cart.Cart',
      'read std 15:2 in shop.Cart.lines_',
      'type std.vector 15:7 in shop.Cart.lines_',
      'type T 15:14 in shop.Cart.lines_',
      'write version_ 16:17 in shop.Cart.touch',
      'type Cart 21:7 in shop.Cart.size',
      'type T 21:12 in shop.Cart.size',
      'read lines_ 21:38 in shop.Cart.size',
      'call lines_.size 21:45 in shop.Cart.size',
      'type Cart 24:0 in shop.Cart.Cart',
      'type T 24:5 in shop.Cart.Cart',
      'read std 24:14 in shop.Cart.Cart',
      'type std.string 24:19 in shop.Cart.Cart',
      'write lines_ 24:35 in shop.Cart.Cart',
      'call helper 24:46 in shop.Cart.Cart',
      'read owner 24:53 in shop.Cart.Cart',
      'read std 26:14 in shop.Lines',
      'type std.vector 26:19 in shop.Lines',
      'read shop 32:18 in main',
      'new shop.Cart 32:24 in main',
      'type Point 33:2 in main',
      'read p 34:2 in main',
      'write p.x 34:4 in main',
      'read cart 34:8 in main',
      'call cart.size 34:14 in main',
    ]);
  });

  it('reads includes', async () => {
    const facts = await parseSnippet('cpp', 'cart.cpp', source);
    expect(importLines(facts)).toEqual([
      "string * as '' @1",
      "cart.hpp * as '' @2",
    ]);
  });
});
