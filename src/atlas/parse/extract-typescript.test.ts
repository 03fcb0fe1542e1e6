import { afterAll, describe, expect, it } from 'vitest';
import { definitionLines, importLines, parseSnippet, referenceLines, removeSnippets, symbolNamed } from './testing/snippets.ts';

afterAll(removeSnippets);

const shapes = `import { EventEmitter } from 'node:events';
import type { Logger } from './logger';
import * as path from 'node:path';

/** Something with an area. */
export interface Shape {
  area(): number;
  readonly name: string;
  abstract: boolean;
}

export type ShapeKind = 'circle' | 'square';

export enum Unit { Metre, Inch = 2 }

/**
 * A circle.
 * @example new Circle(2)
 */
export class Circle extends EventEmitter implements Shape {
  readonly name = 'circle';
  abstract = false;
  #cache = 0;

  constructor(private readonly radius: number, public unit: Unit) {
    super();
  }

  /** The area in square units. */
  area(): number {
    this.emit('area', this.radius);
    return Math.PI * square(this.radius);
  }
}

function square(x: number): number {
  return x * x;
}

export const defaultCircle = new Circle(1, Unit.Metre);
let counter = 0;

export function describe(shape: Shape, log: Logger): string {
  counter += 1;
  log.info(path.basename(shape.name));
  return \`\${shape.name}: \${shape.area()}\`;
}

export { square as squareOf };
export * from './units';
`;

describe('extractFacts for TypeScript', () => {
  it('finds interfaces, members, types, enums, classes, functions and top-level variables', async () => {
    const facts = await parseSnippet('typescript', 'shapes.ts', shapes);
    expect(definitionLines(facts)).toEqual([
      'interface Shape exported',
      'method Shape.area exported',
      'property Shape.name exported',
      'property Shape.abstract exported',
      'type ShapeKind exported',
      'enum Unit exported',
      'enum-member Unit.Metre exported',
      'enum-member Unit.Inch exported',
      'class Circle exported',
      'property Circle.name exported',
      'property Circle.abstract exported',
      'property Circle.#cache',
      'constructor Circle.constructor exported',
      'property Circle.radius',
      'property Circle.unit exported',
      'method Circle.area exported',
      // Exported by `export { square as squareOf }`.
      'function square exported',
      'constant defaultCircle exported',
      'variable counter',
      'function describe exported',
    ]);
  });

  it('reads signatures, docs, ranges and parents', async () => {
    const facts = await parseSnippet('typescript', 'shapes.ts', shapes);
    expect(symbolNamed(facts, 'Shape')).toMatchObject({ signature: 'interface Shape', doc: 'Something with an area.', startLine: 6, endLine: 10 });
    expect(symbolNamed(facts, 'Circle')).toMatchObject({
      signature: 'class Circle extends EventEmitter implements Shape',
      doc: 'A circle.\n@example new Circle(2)',
      startLine: 20,
      startColumn: 7,
      endLine: 34,
      nameLine: 20,
      nameColumn: 13,
      parent: -1,
    });
    const circle = facts.symbols.indexOf(symbolNamed(facts, 'Circle'));
    expect(symbolNamed(facts, 'Circle.area')).toMatchObject({ signature: 'area(): number', doc: 'The area in square units.', parent: circle });
    expect(symbolNamed(facts, 'Circle.constructor').signature).toBe('constructor(private readonly radius: number, public unit: Unit)');
    expect(symbolNamed(facts, 'Circle.radius')).toMatchObject({ signature: 'private readonly radius: number', parent: circle });
    expect(symbolNamed(facts, 'square')).toMatchObject({ signature: 'function square(x: number): number', doc: '' });
    expect(symbolNamed(facts, 'defaultCircle').signature).toBe('const defaultCircle = new Circle(1, Unit.Metre)');
    expect(symbolNamed(facts, 'ShapeKind').signature).toBe("type ShapeKind = 'circle' | 'square'");
    expect(symbolNamed(facts, 'Unit.Inch').signature).toBe('Inch = 2');
  });

  it('records calls with receivers, constructions, type uses, writes and the enclosing definition', async () => {
    const facts = await parseSnippet('typescript', 'shapes.ts', shapes);
    expect(referenceLines(facts)).toEqual([
      'import EventEmitter 1:9 in -',
      'import Logger 2:14 in -',
      'type EventEmitter 20:28 in Circle',
      'type Shape 20:52 in Circle',
      'type Unit 25:60 in Circle.unit',
      'call this.emit 31:9 in Circle.area',
      'read this.radius 31:27 in Circle.area',
      'read Math 32:11 in Circle.area',
      'read Math.PI 32:16 in Circle.area',
      'call square 32:21 in Circle.area',
      'read this.radius 32:33 in Circle.area',
      'read x 37:9 in square',
      'read x 37:13 in square',
      'new Circle 40:33 in defaultCircle',
      'read Unit 40:43 in defaultCircle',
      'read Unit.Metre 40:48 in defaultCircle',
      'type Shape 43:32 in describe',
      'type Logger 43:44 in describe',
      'write counter 44:2 in describe',
      'read log 45:2 in describe',
      'call log.info 45:6 in describe',
      'read path 45:11 in describe',
      'call path.basename 45:16 in describe',
      'read shape 45:25 in describe',
      'read shape.name 45:31 in describe',
      'read shape 46:12 in describe',
      'read shape.name 46:18 in describe',
      'read shape 46:27 in describe',
      'call shape.area 46:33 in describe',
      'export square 49:9 in -',
    ]);
  });

  it('reads imports and re-exports', async () => {
    const facts = await parseSnippet('typescript', 'shapes.ts', shapes);
    expect(importLines(facts)).toEqual([
      'node:events EventEmitter as EventEmitter @1',
      './logger Logger as Logger @2',
      'node:path * as path @3',
      "./units * as '' reexport @50",
    ]);
  });

  it('survives the grammar misreading `abstract` as a keyword, reporting the error lines', async () => {
    const facts = await parseSnippet('typescript', 'shapes.ts', shapes);
    expect(facts.hasErrors).toBe(true);
    expect(facts.errorLines).toEqual([9, 22]);
    expect(facts.lines).toBe(50);
    expect(facts.comments).toBe('Something with an area.\nA circle.\n@example new Circle(2)\nThe area in square units.');
  });

  it('attaches JSDoc across decorators and `export`, but not across a blank line or to overload implementations', async () => {
    const source = [
      '/** The answer. */',
      'export const answer = 42;',
      '/** Service. */',
      '@Injectable()',
      'export class Service {',
      '  /** Field doc */',
      '  @Input() name = "";',
      '  /** Overload one. */',
      '  run(a: string): void;',
      '  run(a: unknown) {}',
      '}',
      '/** Too far */',
      '',
      'function spaced() {}',
    ].join('\n');
    const facts = await parseSnippet('typescript', 'docs.ts', source);
    expect(facts.symbols.map((symbol) => [symbol.qualifiedName, symbol.doc])).toEqual([
      ['answer', 'The answer.'],
      ['Service', 'Service.'],
      ['Service.name', 'Field doc'],
      ['Service.run', 'Overload one.'],
      ['Service.run', ''],
      ['spaced', ''],
    ]);
  });

  it('exports the public members of a class exported by name later, but not its private ones', async () => {
    const source = 'class Store {\n  items = 0;\n  private secret = 1;\n  #hidden = 2;\n  get(): number { return this.items; }\n}\nexport { Store };\n';
    const facts = await parseSnippet('typescript', 'store.ts', source);
    expect(definitionLines(facts)).toEqual([
      'class Store exported',
      'property Store.items exported',
      'property Store.secret',
      'property Store.#hidden',
      'method Store.get exported',
    ]);
  });
});
