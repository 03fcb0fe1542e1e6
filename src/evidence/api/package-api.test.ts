import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFixture } from '../../../test/helpers/fixture.ts';
import type { Fixture } from '../../../test/helpers/fixture.ts';
import { lookupPackageApi } from './package-api.ts';
import { lookupPythonApi } from './python-api.ts';

let fixture: Fixture;

const declarations = [
  '/** Formats cents as a price. */',
  'export declare function formatPrice(cents: number): string;',
  'export declare function formatPrice(cents: bigint, currency: string): string;',
  '/** @deprecated Use `formatPrice` instead. */',
  'export declare function toPrice(cents: number): string;',
  'export declare class Ledger {',
  '  constructor(owner: string);',
  '  add(cents: number): this;',
  '  static empty(): Ledger;',
  '}',
  'export type Currency = "EUR" | "USD";',
  'export declare const version: string;',
  'export declare namespace rates {',
  '  function convert(cents: number, to: Currency): number;',
  '}',
  '',
].join('\n');

beforeAll(() => {
  fixture = createFixture({
    'package.json': JSON.stringify({ name: 'shop', dependencies: { 'money-kit': '2.3.1', 'plain-js': '1.0.0' } }),
    'node_modules/money-kit/package.json': JSON.stringify({ name: 'money-kit', version: '2.3.1', types: './index.d.ts', main: './index.js', exports: { '.': { types: './index.d.ts', default: './index.js' }, './rates': { types: './rates.d.ts', default: './rates.js' } } }),
    'node_modules/money-kit/index.d.ts': declarations,
    'node_modules/money-kit/index.js': '',
    'node_modules/money-kit/rates.d.ts': 'export declare function latest(): Record<string, number>;\n',
    'node_modules/money-kit/rates.js': '',
    'node_modules/plain-js/package.json': JSON.stringify({ name: 'plain-js', version: '1.0.0', main: 'index.js' }),
    'node_modules/plain-js/index.js': 'exports.greet = function greet(name) {\n  return "hello " + name;\n};\n',
  });
});
afterAll(() => fixture?.remove());

describe('lookupPackageApi', () => {
  test('lists the exports of the installed version with every overload, deprecation and doc', () => {
    const api = lookupPackageApi(fixture.root, 'money-kit');
    expect(api).toMatchObject({ language: 'typescript', package: 'money-kit', version: '2.3.1', module: 'money-kit', source: 'index.d.ts', found: true, total: 6 });
    expect(api.names.map((entry) => [entry.name, entry.kind])).toEqual([
      ['Currency', 'type'], ['formatPrice', 'function'], ['Ledger', 'class'], ['rates', 'namespace'], ['toPrice', 'function'], ['version', 'variable'],
    ]);
    expect(api.names.find((entry) => entry.name === 'formatPrice')).toEqual({
      name: 'formatPrice',
      kind: 'function',
      signatures: ['formatPrice(cents: number): string', 'formatPrice(cents: bigint, currency: string): string'],
      doc: 'Formats cents as a price.',
    });
    expect(api.names.find((entry) => entry.name === 'toPrice')).toMatchObject({ deprecated: 'Use `formatPrice` instead.' });
    expect(api.names.find((entry) => entry.name === 'Currency')?.signatures).toEqual(['type Currency = "EUR" | "USD"']);
  });

  test('pages through names and narrows to the members of one export', () => {
    expect(lookupPackageApi(fixture.root, 'money-kit', { offset: 4, limit: 1 }).names.map((entry) => entry.name)).toEqual(['toPrice']);
    const ledger = lookupPackageApi(fixture.root, 'money-kit', { name: 'Ledger' });
    expect(ledger.target).toMatchObject({ kind: 'class', signatures: ['new Ledger(owner: string): Ledger'] });
    expect(ledger.names.map((entry) => entry.signatures[0])).toEqual(['add(cents: number): Ledger', 'empty(): Ledger']);
    const convert = lookupPackageApi(fixture.root, 'money-kit', { name: 'rates.convert' });
    expect(convert.target?.signatures).toEqual(['convert(cents: number, to: Currency): number']);
  });

  test('answers a missing name with close real names, and reads subpaths', () => {
    expect(lookupPackageApi(fixture.root, 'money-kit', { name: 'formatPrise' })).toMatchObject({ found: false, suggestions: ['formatPrice'], names: [] });
    expect(lookupPackageApi(fixture.root, 'money-kit/rates').names).toEqual([{ name: 'latest', kind: 'function', signatures: ['latest(): Record<string, number>'] }]);
  });

  test('reads a package without declarations from its JavaScript', () => {
    const api = lookupPackageApi(fixture.root, 'plain-js');
    expect(api).toMatchObject({ version: '1.0.0', source: 'index.js' });
    expect(api.names.map((entry) => entry.name)).toEqual(['greet']);
  });

  test('refuses what is not installed or not a package, saying what to do', () => {
    expect(() => lookupPackageApi(fixture.root, 'money-kid')).toThrow(/`money-kid` is not installed .*did you mean `money-kit`\?/);
    expect(() => lookupPackageApi(fixture.root, 'money-kit/missing')).toThrow(/money-kit 2\.3\.1 \(installed\) has no module `money-kit\/missing`/);
    expect(() => lookupPackageApi(fixture.root, '../etc')).toThrow(/not a package specifier/);
  });
});

describe('lookupPythonApi', () => {
  test('describes a standard module with signatures and the interpreter version', async () => {
    const api = await lookupPythonApi(fixture.root, 'json', { name: 'dumps' });
    expect(api).toMatchObject({ language: 'python', package: 'python', module: 'json', found: true, target: { kind: 'function' } });
    expect(api.version).toMatch(/^3\.\d+\.\d+ \(standard library\)$/);
    expect(api.target?.signatures[0]).toMatch(/^dumps\(obj, \*, skipkeys=False/);
    expect((await lookupPythonApi(fixture.root, 'json', { name: 'dump_s' })).suggestions).toContain('dumps');
    await expect(lookupPythonApi(fixture.root, 'no_such_module_here')).rejects.toThrow(/`no_such_module_here` is not installed/);
  });
});
