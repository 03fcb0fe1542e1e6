import { afterAll, describe, expect, it } from 'vitest';
import { definitionLines, importLines, parseSnippet, referenceLines, removeSnippets, symbolNamed } from './testing/snippets.ts';

afterAll(removeSnippets);

const shapes = `"""Shapes and their areas."""
import math
import os.path as osp
from typing import List, Optional
from .units import Unit as U, convert

DEFAULT_SIDES = 4
_registry: dict = {}


@dataclass
class Shape(Base):
    """A shape.

    Subclasses override area().
    """

    sides: int = 0

    def __init__(self, name: str, unit: Optional[U] = None) -> None:
        self.name = name
        self._unit = unit

    def area(self) -> float:
        """Return the area."""
        return math.pi * self.scale(2)

    def _cache(self):
        def compute():
            return convert(self.sides)
        return compute


def describe(shapes: List[Shape]) -> str:
    # Not a docstring.
    total = 0
    for shape in shapes:
        total += shape.area()
    return osp.join("out", str(total))
`;

describe('extractFacts for Python', () => {
  it('finds classes, methods, nested functions and module and class attributes', async () => {
    const facts = await parseSnippet('python', 'shapes.py', shapes);
    expect(definitionLines(facts)).toEqual([
      'constant DEFAULT_SIDES exported',
      'variable _registry',
      'class Shape exported',
      'field Shape.sides exported',
      'method Shape.__init__ exported',
      'method Shape.area exported',
      'method Shape._cache',
      'function Shape._cache.compute',
      'function describe exported',
    ]);
  });

  it('reads docstrings and one-line signatures without the colon or comments', async () => {
    const facts = await parseSnippet('python', 'shapes.py', shapes);
    expect(symbolNamed(facts, 'Shape')).toMatchObject({ signature: 'class Shape(Base)', doc: 'A shape.\n\nSubclasses override area().', startLine: 12, endLine: 31 });
    expect(symbolNamed(facts, 'Shape.area')).toMatchObject({ signature: 'def area(self) -> float', doc: 'Return the area.', parent: 2 });
    expect(symbolNamed(facts, 'Shape.__init__').signature).toBe('def __init__(self, name: str, unit: Optional[U] = None) -> None');
    expect(symbolNamed(facts, 'describe')).toMatchObject({ signature: 'def describe(shapes: List[Shape]) -> str', doc: '' });
    expect(symbolNamed(facts, 'DEFAULT_SIDES').signature).toBe('DEFAULT_SIDES = 4');
    expect(facts.comments).toBe('Not a docstring.');
  });

  it('records attribute calls, annotations as type uses, assignments as writes', async () => {
    const facts = await parseSnippet('python', 'shapes.py', shapes);
    expect(referenceLines(facts)).toEqual([
      'import List 4:19 in -',
      'import Optional 4:25 in -',
      'import Unit 5:19 in -',
      'import convert 5:30 in -',
      'type dict 8:11 in _registry',
      'read dataclass 11:1 in -',
      'read Base 12:12 in Shape',
      'type int 18:11 in Shape.sides',
      'type str 20:29 in Shape.__init__',
      'type Optional 20:40 in Shape.__init__',
      'type U 20:49 in Shape.__init__',
      'read self 21:8 in Shape.__init__',
      'write self.name 21:13 in Shape.__init__',
      'read name 21:20 in Shape.__init__',
      'read self 22:8 in Shape.__init__',
      'write self._unit 22:13 in Shape.__init__',
      'read unit 22:21 in Shape.__init__',
      'type float 24:22 in Shape.area',
      'read math 26:15 in Shape.area',
      'read math.pi 26:20 in Shape.area',
      'read self 26:25 in Shape.area',
      'call self.scale 26:30 in Shape.area',
      'call convert 30:19 in Shape._cache.compute',
      'read self 30:27 in Shape._cache.compute',
      'read self.sides 30:32 in Shape._cache.compute',
      'read compute 31:15 in Shape._cache',
      'type List 34:21 in describe',
      'type Shape 34:26 in describe',
      'type str 34:37 in describe',
      'write total 36:4 in describe',
      'write shape 37:8 in describe',
      'read shapes 37:17 in describe',
      'write total 38:8 in describe',
      'read shape 38:17 in describe',
      'call shape.area 38:23 in describe',
      'read osp 39:11 in describe',
      'call osp.join 39:15 in describe',
      'call str 39:27 in describe',
      'read total 39:31 in describe',
    ]);
  });

  it('reads import and from-import statements', async () => {
    const facts = await parseSnippet('python', 'shapes.py', shapes);
    expect(importLines(facts)).toEqual([
      'math * as math @2',
      'os.path * as osp @3',
      'typing List as List @4',
      'typing Optional as Optional @4',
      '.units Unit as U @5',
      '.units convert as convert @5',
    ]);
  });
});
