import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodewrightError } from '../../core/errors.ts';
import { symbolHistory } from './symbol-history.ts';
import type { FixtureRepository } from './testing/git-fixture.ts';
import { createFixtureRepository } from './testing/git-fixture.ts';

const source = (addBody: string, mulBody: string) =>
  `export function add(a, b) {\n  ${addBody}\n}\n\nexport function mul(a, b) {\n  ${mulBody}\n}\n`;

let repository: FixtureRepository;
const sha: Record<string, string> = {};

beforeAll(() => {
  repository = createFixtureRepository();
  sha.create = repository.commit('Add math', { 'src/math.ts': source('return a + b;', 'return a * b;') });
  sha.fixAdd = repository.commit('Fix add for strings (#3)', { 'src/math.ts': source('return Number(a) + Number(b);', 'return a * b;') });
  sha.tuneMul = repository.commit('Tune mul', { 'src/math.ts': source('return Number(a) + Number(b);', 'return Math.imul(a, b);') });
  repository.commit('Rename math to calc', { 'src/math.ts': null, 'src/calc.ts': source('return Number(a) + Number(b);', 'return Math.imul(a, b);') });
  sha.roundAdd = repository.commit('feat: round sums', { 'src/calc.ts': source('return Math.round(Number(a) + Number(b));', 'return Math.imul(a, b);') });
});

afterAll(() => repository.remove());

describe('symbolHistory', () => {
  it('finds the commits of one function, across a rename, and not those of its neighbour', async () => {
    const add = await symbolHistory(repository.root, 'src/calc.ts', 1, 3);
    expect(add?.timedOut).toBe(false);
    expect(add?.commits.map((commit) => commit.sha)).toEqual([sha.roundAdd, sha.fixAdd, sha.create]);
    expect(add?.commits[1]).toMatchObject({ subject: 'Fix add for strings (#3)', isFix: true, issues: ['#3'] });
    const mul = await symbolHistory(repository.root, 'src/calc.ts', 5, 7);
    expect(mul?.commits.map((commit) => commit.sha)).toEqual([sha.tuneMul, sha.create]);
  });

  it('stops at the limit', async () => {
    const add = await symbolHistory(repository.root, 'src/calc.ts', 1, 3, { limit: 1 });
    expect(add?.commits.map((commit) => commit.sha)).toEqual([sha.roundAdd]);
  });

  it('keeps the committed part of a range and finds nothing for uncommitted lines or files', async () => {
    const tail = await symbolHistory(repository.root, 'src/calc.ts', 5, 50);
    expect(tail?.commits.map((commit) => commit.sha)).toEqual([sha.tuneMul, sha.create]);
    expect(await symbolHistory(repository.root, 'src/calc.ts', 40, 50)).toEqual({ commits: [], timedOut: false });
    expect(await symbolHistory(repository.root, 'src/new-file.ts', 1, 2)).toEqual({ commits: [], timedOut: false });
  });

  it('rejects a range that is not one', async () => {
    const error = await symbolHistory(repository.root, 'src/calc.ts', 3, 1).catch((caught: unknown) => caught);
    expect(CodewrightError.isInstance(error) && error.code).toBe('INVALID_ARGUMENT');
    await expect(symbolHistory(repository.root, 'src/calc.ts', 0, 2)).rejects.toThrow(/1-based/);
  });

  it('returns null outside a git work tree', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'codewright-plain-'));
    try {
      expect(await symbolHistory(folder, 'a.ts', 1, 2)).toBeNull();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
