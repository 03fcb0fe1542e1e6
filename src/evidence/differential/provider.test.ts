import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Evidence } from '../../core/change.ts';
import { createDifferentialProvider } from './provider.ts';
import { contextFor, makeWorktrees, type Worktrees } from './testing/worktrees.ts';

const made: Worktrees[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((worktrees) => worktrees.cleanup()));
});

async function worktrees(base: Record<string, string>, change: Record<string, string>): Promise<Worktrees> {
  const created = await makeWorktrees(base, change);
  made.push(created);
  return created;
}

function only(evidence: Evidence[]): Evidence {
  expect(evidence).toHaveLength(1);
  return evidence[0]!;
}

describe('differential provider', () => {
  it('passes a behaviour-preserving refactor (renamed local, extracted variable)', async () => {
    const trees = await worktrees(
      { 'src/clamp.ts': 'export function clamp(value: number, low: number, high: number): number {\n  const v = Math.max(value, low);\n  return Math.min(v, high);\n}\n' },
      { 'src/clamp.ts': 'export function clamp(value: number, low: number, high: number): number {\n  const atLeastLow = Math.max(value, low);\n  const result = Math.min(atLeastLow, high);\n  return result;\n}\n' },
    );
    const evidence = only(await createDifferentialProvider().doCheck(contextFor(trees, [{ path: 'src/clamp.ts', name: 'clamp', startLine: 1, endLine: 5 }])));
    expect(evidence).toMatchObject({ kind: 'differential', status: 'pass', hunks: ['src/clamp.ts#0'] });
    expect(evidence.message).toBe('`clamp`: 500 generated inputs behave as before');
  });

  it('reports a changed comparison as a counterexample shrunk to the boundary', async () => {
    const trees = await worktrees(
      { 'src/age.ts': 'export const isAdult = (age: number): boolean => age >= 18;\n' },
      { 'src/age.ts': 'export const isAdult = (age: number): boolean => age > 18;\n' },
    );
    const evidence = only(await createDifferentialProvider().doCheck(contextFor(trees, [{ path: 'src/age.ts', name: 'isAdult', startLine: 1, endLine: 1 }])));
    expect(evidence.status).toBe('fail');
    expect(evidence.message).toBe(
      'suspicious: `isAdult` for input (18) base returns true and the change returns false (refactor should not change behaviour)',
    );
  });

  it('shrinks a boundary between two parameters to the smallest equal pair', async () => {
    const trees = await worktrees(
      { 'src/range.ts': 'export function below(value: number, limit: number): boolean {\n  return value < limit;\n}\n' },
      { 'src/range.ts': 'export function below(value: number, limit: number): boolean {\n  return value <= limit;\n}\n' },
    );
    const [evidence] = await createDifferentialProvider().doCheck(contextFor(trees, [{ path: 'src/range.ts', name: 'below', startLine: 1, endLine: 3 }], 'fix'));
    expect(evidence).toMatchObject({ status: 'warn' });
    expect(evidence!.message).toBe('behaviour change to review: `below` for input (0, 0) base returns false and the change returns true');
  });

  it('reports a function that throws in one version only, by error class and message', async () => {
    const base = 'export function port(text: string): number {\n  const value = Number(text);\n  if (!Number.isInteger(value)) throw new RangeError(`not a port: ${text}`);\n  return value;\n}\n';
    const change = 'export function port(text: string): number {\n  return Number(text);\n}\n';
    const trees = await worktrees({ 'src/port.ts': base }, { 'src/port.ts': change });
    const [evidence] = await createDifferentialProvider().doCheck(contextFor(trees, [{ path: 'src/port.ts', name: 'port', startLine: 1, endLine: 3 }], 'feature'));
    expect(evidence!.status).toBe('warn');
    expect(evidence!.message).toMatch(/^behaviour change to review: `port` for input \(".*"\) base throws RangeError: not a port: .* and the change returns NaN$/);
    expect(evidence!.data).toMatchObject({ counterexample: { base: { kind: 'throw' }, change: { kind: 'return' } } });
  });

  it('uses inputs harvested from the tests to find a difference random strings miss', async () => {
    const base = [
      'export function channel(version: string): string {',
      '  const match = /^(\\d+)\\.(\\d+)\\.(\\d+)(?:-([a-z]+))?$/.exec(version);',
      "  if (!match) return 'invalid';",
      "  return match[4] === undefined ? 'stable' : match[4] === 'beta' ? 'beta' : 'preview';",
      '}',
      '',
    ].join('\n');
    const change = base.replace("match[4] === 'beta' ? 'beta'", "match[4] === 'beta' ? 'preview'");
    const test = "import { channel } from '../src/channel.ts';\nchannel('1.2.3');\nchannel('1.2.3-beta');\n";
    const trees = await worktrees({ 'src/channel.ts': base, 'test/channel.test.ts': test }, { 'src/channel.ts': change });
    const context = contextFor(trees, [{ path: 'src/channel.ts', name: 'channel', startLine: 1, endLine: 5 }]);
    const [generatedOnly] = await createDifferentialProvider({ harvest: false }).doCheck(context);
    expect(generatedOnly!.status).toBe('pass');
    const [harvested] = await createDifferentialProvider().doCheck(context);
    expect(harvested!.status).toBe('fail');
    expect(harvested!.message).toMatch(/^suspicious: `channel` for input \("\d+\.\d+\.\d+-beta"\) base returns "beta" and the change returns "preview"/);
  });

  it('skips a function with a callback parameter, saying why', async () => {
    const source = 'export function each(items: number[], visit: () => void): void {\n  for (const _ of items) visit();\n}\n';
    const trees = await worktrees({ 'src/each.ts': source }, { 'src/each.ts': source.replace('const _', 'const item') });
    const evidence = only(await createDifferentialProvider().doCheck(contextFor(trees, [{ path: 'src/each.ts', name: 'each', startLine: 1, endLine: 3 }])));
    expect(evidence.status).toBe('unavailable');
    expect(evidence.message).toBe('`each` cannot be called with generated inputs: parameter `visit`: `() => void` is a function type');
  });

  it('runs an untyped JavaScript function on the inputs its tests use, and a JSDoc-typed one on generated inputs', async () => {
    const trees = await worktrees(
      {
        'src/slug.js': "export function slug(text) {\n  return text.trim().toLowerCase().replace(/\\s+/g, '-');\n}\n",
        'src/double.js': '/** @param {number} value */\nexport function double(value) {\n  return value * 2;\n}\n',
        'test/slug.test.js': "import { slug } from '../src/slug.js';\nslug('a b');\nslug('  Hello World ');\n",
      },
      {
        'src/slug.js': "export function slug(text) {\n  return text.toLowerCase().replace(/\\s+/g, '-');\n}\n",
        'src/double.js': '/** @param {number} value */\nexport function double(value) {\n  return value + value;\n}\n',
      },
    );
    const context = contextFor(trees, [
      { path: 'src/slug.js', name: 'slug', startLine: 1, endLine: 3, language: 'javascript' },
      { path: 'src/double.js', name: 'double', startLine: 2, endLine: 4, language: 'javascript' },
    ]);
    const [slug, double] = await createDifferentialProvider().doCheck(context);
    expect(slug!.message).toBe(
      'suspicious: `slug` for input ("  Hello World ") base returns "hello-world" and the change returns "-hello-world-" (refactor should not change behaviour)',
    );
    expect(double).toMatchObject({ status: 'pass', message: '`double`: 500 generated inputs behave as before' });
  });

  it('reports a new function as having nothing to compare', async () => {
    const trees = await worktrees({ 'src/math.ts': 'export const one = 1;\n' }, { 'src/math.ts': 'export const one = 1;\nexport function two(): number {\n  return 2;\n}\n' });
    const evidence = only(await createDifferentialProvider().doCheck(contextFor(trees, [{ path: 'src/math.ts', name: 'two', startLine: 2, endLine: 4 }])));
    expect(evidence).toMatchObject({ status: 'unavailable', message: '`two` is a new function: nothing to compare' });
  });

  it('compares an unexported helper through the exported function that calls it', async () => {
    const base = 'function half(value: number): number {\n  return value / 2;\n}\nexport function quarter(value: number): number {\n  return half(half(value));\n}\n';
    const change = base.replace('value / 2', 'value * 0.5');
    const trees = await worktrees({ 'src/half.ts': base }, { 'src/half.ts': change });
    const evidence = only(await createDifferentialProvider().doCheck(contextFor(trees, [{ path: 'src/half.ts', name: 'half', startLine: 1, endLine: 3 }])));
    expect(evidence).toMatchObject({ status: 'pass', message: '`quarter` (calls `half`): 500 generated inputs behave as before' });
  });

  it('reports a module that cannot be imported', async () => {
    const source = "import { missing } from './nowhere.ts';\nexport function id(value: number): number {\n  return missing(value);\n}\n";
    const trees = await worktrees({ 'src/id.ts': source }, { 'src/id.ts': source.replace('missing(value)', 'missing(value) + 0') });
    const evidence = only(await createDifferentialProvider().doCheck(contextFor(trees, [{ path: 'src/id.ts', name: 'id', startLine: 2, endLine: 4 }])));
    expect(evidence.status).toBe('unavailable');
    expect(evidence.message).toMatch(/^`id` cannot be compared: base: module import failed: .*nowhere/);
  });

  it('kills a changed version that loops forever, reports it, and leaves no process behind', async () => {
    const pidFile = path.join(await (await worktrees({}, {})).root, 'pids.txt');
    // Each harness start records its pid and a grandchild's, to prove the whole process group goes.
    const prelude = [
      "import { spawn } from 'node:child_process';",
      "import { appendFileSync } from 'node:fs';",
      "const sleeper = spawn('sleep', ['300'], { stdio: 'ignore' });",
      `appendFileSync(${JSON.stringify(pidFile)}, \`\${process.pid} \${sleeper.pid}\\n\`);`,
      '',
    ].join('\n');
    const trees = await worktrees(
      { 'src/spin.ts': `${prelude}export function spin(count: number): number {\n  return count;\n}\n` },
      { 'src/spin.ts': `${prelude}export function spin(count: number): number {\n  while (count === count) {}\n  return count;\n}\n` },
    );
    const provider = createDifferentialProvider({ callTimeoutMs: 300 });
    const evidence = only(await provider.doCheck(contextFor(trees, [{ path: 'src/spin.ts', name: 'spin', startLine: 5, endLine: 8 }])));
    expect(evidence.status).toBe('fail');
    expect(evidence.message).toMatch(/^suspicious: `spin` for input \(-?\d+\) base returns -?\d+ and the change does not return within 300 ms/);
    const pids = readFileSync(pidFile, 'utf8').trim().split(/\s+/).map(Number);
    expect(pids.length).toBeGreaterThanOrEqual(4);
    await expect.poll(() => pids.filter(isAlive), { timeout: 5000 }).toEqual([]);
  });
});

/** True when the process exists and is not a zombie waiting for a parent that does not reap. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}
