import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { childEnvironment } from '../tests/child-environment.ts';
import { readV8Coverage } from './read-v8.ts';

// An enum needs --experimental-transform-types, which moves every offset: lines come back through the source map.
const lines = [
  'enum Mode { Fast, Slow }',
  'export function used(x: number): number {',
  '  const doubled: number = x * 2;',
  '  return doubled;',
  '}',
  'export function unused(s: string): string {',
  '  const twice: string = s + s;',
  '  return twice;',
  '}',
  'used(Mode.Slow);',
  '',
];
const enumSource = lines.join('\n');
const plainSource = ['const Mode = { Fast: 0, Slow: 1 };', ...lines.slice(1)].join('\n');

describe('readV8Coverage', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'codewright-read-v8-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['type stripping', plainSource, []],
    ['transformed TypeScript (through the source map Node keeps)', enumSource, ['--experimental-transform-types', '--no-warnings']],
  ])('counts the lines of the file as written under %s', async (_name, source, flags) => {
    writeFileSync(join(dir, 'a.ts'), source);
    const coverage = join(dir, 'coverage');
    execFileSync(process.execPath, [...flags, 'a.ts'], { cwd: dir, env: childEnvironment({ NODE_V8_COVERAGE: coverage }), timeout: 30_000 });
    const executable = new Set([2, 3, 4, 6, 7, 8, 10]);
    const data = await readV8Coverage(coverage, { dir, sources: new Map([['a.ts', { source: readFileSync(join(dir, 'a.ts'), 'utf8'), executable }]]), isTestFile: () => false });
    const file = data.files.get('a.ts');
    expect([...(file?.executed ?? [])].sort((a, b) => a - b)).toEqual([2, 3, 4, 6, 10]);
    expect([...(file?.notExecuted ?? [])].sort((a, b) => a - b)).toEqual([7, 8]);
  });

  it('counts a declaration line for the callers of its function when lines are probed at their last character', async () => {
    writeFileSync(join(dir, 'a.ts'), plainSource);
    const coverage = join(dir, 'coverage');
    execFileSync(process.execPath, ['a.ts'], { cwd: dir, env: childEnvironment({ NODE_V8_COVERAGE: coverage }), timeout: 30_000 });
    const executable = new Set([2, 3, 4, 6, 7, 8, 10]);
    const data = await readV8Coverage(coverage, { dir, sources: new Map([['a.ts', { source: plainSource, executable }]]), isTestFile: () => false, probe: 'last' });
    expect([...(data.files.get('a.ts')?.notExecuted ?? [])].sort((a, b) => a - b)).toEqual([6, 7, 8]);
  });
});
