import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createFixture } from '../helpers/fixture.ts';
import type { Fixture } from '../helpers/fixture.ts';
import { runCli } from '../helpers/cli.ts';
import type { CheckReport } from '../../src/evidence/report/types.ts';

let fixture: Fixture;
afterEach(() => fixture?.remove());

const packageJson = JSON.stringify({ name: 'calc', type: 'module', scripts: { test: 'node --test' } }, null, 2);
const library = [
  '/** Clamps `value` into [low, high]. */',
  'export function clamp(value, low, high) {',
  '  if (value < low) return low;',
  '  if (value > high) return high;',
  '  return value;',
  '}',
  '',
].join('\n');
const testFile = [
  "import { test } from 'node:test';",
  "import assert from 'node:assert/strict';",
  "import { clamp } from '../src/clamp.js';",
  '',
  "test('clamps below, inside and above', () => {",
  '  assert.equal(clamp(-5, 0, 10), 0);',
  '  assert.equal(clamp(5, 0, 10), 5);',
  '  assert.equal(clamp(50, 0, 10), 10);',
  '  assert.equal(clamp(0, 0, 10), 0);',
  '  assert.equal(clamp(10, 0, 10), 10);',
  '});',
  '',
].join('\n');

function project(): Fixture {
  return createFixture({ 'package.json': packageJson, 'src/clamp.js': library, 'test/clamp.test.js': testFile }, { git: true });
}

/** Hashes every file of the tree, .git included, so a check can be proven not to write anything of the user's. */
function fingerprint(root: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const visit = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      const name = relative(root, path);
      if (name === '.codewright' || name.startsWith('.git/worktrees') || name.startsWith('.git/objects') || name === '.git/logs') continue;
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile()) hashes.set(name, createHash('sha1').update(readFileSync(path)).digest('hex'));
    }
  };
  visit(root);
  return hashes;
}

function check(args: string[], cwd: string): { status: number | null; report: CheckReport; stderr: string } {
  const result = runCli(['check', '--json', ...args], { cwd });
  let report: CheckReport;
  try {
    report = JSON.parse(result.stdout) as CheckReport;
  } catch {
    throw new Error(`check printed no JSON (exit ${result.status}): ${result.stderr}`);
  }
  return { status: result.status, report, stderr: result.stderr };
}


describe('codewright check', () => {
  test('an empty change says so and exits 0', () => {
    fixture = project();
    const result = runCli(['check'], { cwd: fixture.root });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('no changes to check');
  });

  test('a refactor that changes behaviour is suspicious with a counterexample, and nothing of the user is written', () => {
    const typed = library.replace('clamp(value, low, high)', 'clamp(value: number, low: number, high: number): number');
    fixture = createFixture({ 'package.json': packageJson, 'src/clamp.ts': typed, 'test/clamp.test.ts': testFile.replace('clamp.js', 'clamp.ts') }, { git: true });
    fixture.write('src/clamp.ts', typed.replace('value > high', 'value > high + 1'));
    const before = fingerprint(fixture.root);
    const { status, report } = check(['--intent', 'refactor'], fixture.root);
    expect(fingerprint(fixture.root)).toEqual(before);
    expect(status).toBe(1);
    const hunk = report.files[0]!.hunks[0]!;
    expect(hunk.verdict).toBe('suspicious');
    expect(hunk.reason).toMatch(/clamp.*for input .* base returns .* the change returns/);
    expect(readdirSync(join(fixture.root, '.codewright', 'worktrees')).filter((name) => !name.startsWith('.'))).toEqual([]);
  });

  test('a newly failing test makes the hunk broken', () => {
    fixture = project();
    fixture.write('src/clamp.js', library.replace('return low;', 'return high;'));
    const { status, report } = check(['--intent', 'fix'], fixture.root);
    expect(status).toBe(1);
    expect(report.files[0]!.hunks[0]).toMatchObject({ verdict: 'broken' });
    expect(report.files[0]!.hunks[0]!.reason).toMatch(/fails after the change/);
  });

  test('a patch file is checked against the base; malformed and non-applying patches name the file and hunk', () => {
    fixture = project();
    const good = [
      'diff --git a/src/clamp.js b/src/clamp.js',
      '--- a/src/clamp.js',
      '+++ b/src/clamp.js',
      '@@ -2,3 +2,3 @@',
      ' export function clamp(value, low, high) {',
      '-  if (value < low) return low;',
      '+  if (low > value) return low;',
      '   if (value > high) return high;',
      '',
    ].join('\n');
    fixture.write('../good.diff', good);
    const applied = check(['--patch', join(fixture.root, '../good.diff'), '--intent', 'refactor'], fixture.root);
    expect(applied.report.files.map((file) => file.path)).toEqual(['src/clamp.js']);
    expect(applied.report.files[0]!.hunks[0]!.verdict).not.toBe('suspicious');
    fixture.write('../bad.diff', good.replace('-  if (value < low) return low;', '-  if (value <= low) return low;'));
    const rejected = runCli(['check', '--patch', join(fixture.root, '../bad.diff')], { cwd: fixture.root });
    expect(rejected.status).toBe(2);
    expect(rejected.stderr).toMatch(/src\/clamp\.js/);
    fixture.write('../truncated.diff', good.split('\n').slice(0, 6).join('\n'));
    const truncated = runCli(['check', '--patch', join(fixture.root, '../truncated.diff')], { cwd: fixture.root });
    expect(truncated.status).toBe(2);
    expect(truncated.stderr).toMatch(/src\/clamp\.js/);
  });

  test('renames, deletions and binary files are reported per file without hunks failing', () => {
    fixture = project();
    fixture.write('assets/logo.bin', Buffer.from([0, 1, 2, 3, 255]));
    fixture.write('src/old.js', 'export const old = 1;\n');
    fixture.commit('add files');
    fixture.git('mv', 'src/clamp.js', 'src/limits.js');
    fixture.git('rm', '-q', 'src/old.js');
    fixture.write('assets/logo.bin', Buffer.from([9, 9, 0, 9]));
    fixture.write('test/clamp.test.js', testFile.replace('../src/clamp.js', '../src/limits.js'));
    const before = fingerprint(fixture.root);
    const { report } = check([], fixture.root);
    expect(fingerprint(fixture.root)).toEqual(before);
    const kinds = Object.fromEntries(report.files.map((file) => [file.path, `${file.kind}${file.binary ? ' binary' : ''}`]));
    expect(kinds).toMatchObject({ 'src/limits.js': 'renamed', 'src/old.js': 'deleted', 'assets/logo.bin': 'modified binary' });
  });

  test('a hanging test is killed after the timeout and reported', () => {
    fixture = project();
    fixture.write('test/hang.test.js', "import { test } from 'node:test';\ntest('hangs', () => new Promise(() => setInterval(() => {}, 1000)));\n");
    fixture.commit('add a hanging test');
    fixture.write('src/clamp.js', library.replace('return value;', 'return value + 0;'));
    const { report } = check(['--full', '--timeout', '5', '--only', 'tests'], fixture.root);
    const messages = JSON.stringify(report);
    expect(messages).toMatch(/timed out/);
  });

  test('a project without tests gets verdicts that say so', () => {
    fixture = createFixture({ 'package.json': JSON.stringify({ name: 'none', type: 'module' }), 'src/clamp.js': library }, { git: true });
    fixture.write('src/clamp.js', library.replace('return value;', 'return +value;'));
    const { report } = check(['--intent', 'fix'], fixture.root);
    expect(report.files[0]!.hunks[0]!.verdict).toBe('unverified');
    expect(JSON.stringify(report)).toMatch(/no test/i);
  });

  test('a test that writes into the user tree is reported', () => {
    fixture = project();
    const target = join(fixture.root, 'written-by-test.txt');
    fixture.write('test/writer.test.js', `import { test } from 'node:test';\nimport { writeFileSync } from 'node:fs';\ntest('writes', () => writeFileSync(${JSON.stringify(target)}, 'x'));\n`);
    fixture.commit('add a writing test');
    fixture.write('src/clamp.js', library.replace('return value;', 'return value * 1;'));
    const { report } = check(['--full', '--only', 'tests'], fixture.root);
    expect(report.changeEvidence.map((item) => item.message).join('\n')).toMatch(/written-by-test\.txt.*outside its worktree/);
  });

  test('not a git repository, an unknown base, and bad options are usage errors', () => {
    fixture = createFixture({ 'a.js': 'export const a = 1;\n' });
    const notGit = runCli(['check'], { cwd: fixture.root });
    expect([notGit.status, notGit.stderr]).toEqual([2, expect.stringMatching(/git repository/)]);
    fixture.remove();
    fixture = project();
    const unknown = runCli(['check', '--base', 'no-such-rev'], { cwd: fixture.root });
    expect([unknown.status, unknown.stderr]).toEqual([2, expect.stringMatching(/no-such-rev/)]);
    expect(runCli(['check', '--intent', 'rewrite'], { cwd: fixture.root }).status).toBe(2);
  });

  test('SARIF and Markdown outputs', () => {
    fixture = project();
    fixture.write('src/clamp.js', library.replace('return low;', 'return high;'));
    const sarif = JSON.parse(runCli(['check', '--sarif', '--intent', 'fix'], { cwd: fixture.root }).stdout) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results[0]).toMatchObject({ ruleId: 'codewright/broken', locations: [{ physicalLocation: { artifactLocation: { uri: 'src/clamp.js' } } }] });
    const markdown = runCli(['check', '--markdown', '--intent', 'fix'], { cwd: fixture.root }).stdout;
    expect(markdown).toMatch(/^## codewright check/);
    expect(markdown).toMatch(/🔴 broken \| `src\/clamp\.js:/);
  });
});
