import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { exportedFunctions } from './exported-functions.ts';
import { parameterShapes } from './parameter-shapes.ts';
import { createProgram } from '../typescript-program.ts';
import { makeWorktrees, type Worktrees } from './testing/worktrees.ts';

let trees: Worktrees | undefined;
afterEach(async () => {
  await trees?.cleanup();
});

const source = `
export type Level = 'low' | 'high';
export interface Options { level: Level; limit?: number; tags: string[] }
export function literals(level: Level, flag?: boolean, ...rest: number[]): void {}
export const tuple = (pair: [number, string?], when: Date, big: bigint | null): void => {};
export function objects(options: Options, table: Record<string, number>): void {}
export function generic<T>(items: T[]): T | undefined { return items[0]; }
export class Version { static parse(text: string): number { return 0; } compare(other: string): number { return 0; } }
export function callback(each: (item: number) => void): void {}
export function loose(value: any): void {}
export function nested(value: { inner: { make(): void } }): void {}
export default function (count: number): number { return count; }
`;

async function shapes(): Promise<Record<string, unknown>> {
  trees = await makeWorktrees({ 'src/shapes.ts': source }, {});
  const file = path.join(trees.changeDir, 'src/shapes.ts');
  const program = createProgram([file]);
  const checker = program.getTypeChecker();
  const functions = exportedFunctions(checker, program.getSourceFile(file)!);
  return Object.fromEntries(functions.map((fn) => {
    const result = parameterShapes(checker, fn);
    return [fn.exportPath.join('.'), result.success ? result.value : result.error];
  }));
}

describe('parameter shapes', () => {
  it('derives generable shapes from parameter types, and reasons for the rest', async () => {
    const found = await shapes();
    expect(found.literals).toEqual([
      { name: 'level', optional: false, rest: false, shape: { kind: 'union', options: [{ kind: 'constant', value: 'low' }, { kind: 'constant', value: 'high' }] } },
      { name: 'flag', optional: true, rest: false, shape: { kind: 'boolean' } },
      { name: 'rest', optional: false, rest: true, shape: { kind: 'array', item: { kind: 'number' } } },
    ]);
    expect(found.tuple).toEqual([
      { name: 'pair', optional: false, rest: false, shape: { kind: 'tuple', required: 1, items: [{ kind: 'number' }, { kind: 'union', options: [{ kind: 'constant', value: undefined }, { kind: 'string' }] }] } },
      { name: 'when', optional: false, rest: false, shape: { kind: 'date' } },
      { name: 'big', optional: false, rest: false, shape: { kind: 'union', options: [{ kind: 'constant', value: null }, { kind: 'bigint' }] } },
    ]);
    expect(found.objects).toMatchObject([
      { shape: { kind: 'object', properties: [{ name: 'level' }, { name: 'limit', optional: true, shape: { kind: 'number' } }, { name: 'tags', shape: { kind: 'array' } }] } },
      { shape: { kind: 'dictionary', value: { kind: 'number' } } },
    ]);
    expect(found.generic).toEqual([{ name: 'items', optional: false, rest: false, shape: { kind: 'array', item: { kind: 'union', options: [{ kind: 'number' }, { kind: 'string' }] } } }]);
    expect(found['Version.parse']).toEqual([{ name: 'text', optional: false, rest: false, shape: { kind: 'string' } }]);
    expect(found['Version.compare']).toBeUndefined();
    expect(found.callback).toBe('parameter `each`: `(item: number) => void` is a function type');
    expect(found.loose).toBe('parameter `value`: type `any` says nothing to generate from');
    expect(found.nested).toBe('parameter `value`: `{ make(): void; }` has a method `make`');
    expect(found.default).toEqual([{ name: 'count', optional: false, rest: false, shape: { kind: 'number' } }]);
  });
});
