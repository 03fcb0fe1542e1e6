import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Language } from '../../core/types.ts';
import { createParsePool } from './pool.ts';
import type { ParsePoolOptions } from './pool.ts';
import type { ParseJob, ParseOutcome } from './types.ts';

const folder = mkdtempSync(join(tmpdir(), 'codewright-pool-'));

const templates: [Language, string, (index: number) => string][] = [
  ['typescript', 'ts', (index) => `export function f${index}(a: number): number {\n  return helper(a) + ${index};\n}\n`],
  ['python', 'py', (index) => `def f${index}(a):\n    """Doc ${index}."""\n    return helper(a)\n`],
  ['go', 'go', (index) => `package p\n\n// F${index} doc.\nfunc F${index}(a int) int { return helper(a) }\n`],
  ['rust', 'rs', (index) => `/// Doc ${index}.\npub fn f${index}(a: i32) -> i32 { helper(a) }\n`],
];

/** Writes 200 small files in four languages. */
function writeJobs(): ParseJob[] {
  return Array.from({ length: 200 }, (_, index) => {
    const [language, extension, render] = templates[index % templates.length]!;
    const content = render(index);
    const absolutePath = join(folder, `file${index}.${extension}`);
    writeFileSync(absolutePath, content);
    return { path: `file${index}.${extension}`, absolutePath, language, size: content.length };
  });
}

const pool = createParsePool({ threads: 2, batchSize: 16 });
afterAll(async () => {
  await pool.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Parses `jobs` with a pool made for one test, one outcome per job, and closes the pool. */
async function collectWith(options: ParsePoolOptions, jobs: ParseJob[]): Promise<Map<string, ParseOutcome>> {
  const own = createParsePool(options);
  const outcomes = new Map<string, ParseOutcome>();
  try {
    await own.parse(jobs, (outcome) => {
      if (outcomes.has(outcome.path)) throw new Error(`second outcome for ${outcome.path}`);
      outcomes.set(outcome.path, outcome);
    });
  } finally {
    await own.close();
  }
  return outcomes;
}

const crashingWorker = new URL('./testing/crashing-worker.ts', import.meta.url);

async function collect(jobs: ParseJob[]): Promise<Map<string, ParseOutcome>> {
  const outcomes = new Map<string, ParseOutcome>();
  await pool.parse(jobs, (outcome) => {
    if (outcomes.has(outcome.path)) throw new Error(`second outcome for ${outcome.path}`);
    outcomes.set(outcome.path, outcome);
  });
  return outcomes;
}

describe('createParsePool', () => {
  it('parses 200 files on two threads with one outcome per job', async () => {
    const jobs = writeJobs();
    const outcomes = await collect(jobs);
    expect([...outcomes.keys()].sort()).toEqual(jobs.map((job) => job.path).sort());
    for (const [index, job] of jobs.entries()) {
      const outcome = outcomes.get(job.path)!;
      if (outcome.status !== 'parsed') throw new Error(`${job.path}: ${JSON.stringify(outcome)}`);
      expect(outcome.facts.language).toBe(job.language);
      const symbol = outcome.facts.symbols[0]!;
      expect(symbol.name.toLowerCase()).toBe(`f${index}`);
      expect(outcome.facts.references.find((reference) => reference.name === 'helper')?.kind).toBe('call');
      expect(outcome.chunks?.length).toBeGreaterThan(0);
    }
  });

  it('answers unchanged for files whose hash is known', async () => {
    const jobs = writeJobs();
    const first = await collect(jobs);
    const hashOf = (path: string) => {
      const outcome = first.get(path)!;
      return outcome.status === 'parsed' ? outcome.hash : undefined;
    };
    const again = jobs.map((job, index) => (index % 2 === 0 ? { ...job, knownHash: hashOf(job.path) } : job));
    const second = await collect(again);
    const statuses = again.map((job) => second.get(job.path)!.status);
    expect(statuses.filter((status) => status === 'unchanged')).toHaveLength(100);
    expect(statuses.filter((status) => status === 'parsed')).toHaveLength(100);
    expect(second.get(jobs[0]!.path)).toEqual({ path: jobs[0]!.path, status: 'unchanged', hash: hashOf(jobs[0]!.path) });
  });

  it('keeps going when files fail: unreadable files and unknown grammars are skipped', async () => {
    const jobs = writeJobs().slice(0, 10);
    jobs.push({ path: 'missing.ts', absolutePath: join(folder, 'missing.ts'), language: 'typescript', size: 1 });
    jobs.push({ ...jobs[0]!, path: 'weird.cob', language: 'cobol' as Language });
    const outcomes = await collect(jobs);
    expect(outcomes.size).toBe(12);
    expect(outcomes.get('missing.ts')).toMatchObject({ status: 'skipped', reason: 'unreadable (ENOENT)' });
    expect(outcomes.get('weird.cob')).toMatchObject({ status: 'skipped' });
    expect([...outcomes.values()].filter((outcome) => outcome.status === 'parsed')).toHaveLength(10);
  });

  it('retries the batch of a worker that died file by file, skipping only the file that kills it', async () => {
    const jobs = writeJobs().slice(0, 40);
    const crashing = { ...jobs[0]!, path: 'crash-me.ts' };
    const outcomes = await collectWith({ threads: 2, batchSize: 8, workerUrl: crashingWorker }, [...jobs, crashing]);
    expect(outcomes.size).toBe(41);
    expect(outcomes.get('crash-me.ts')).toEqual({ path: 'crash-me.ts', status: 'skipped', hash: null, reason: 'parser crashed: worker exited with code 3' });
    expect([...outcomes.values()].filter((outcome) => outcome.status === 'parsed')).toHaveLength(40);
  });

  it('stops a worker whose batch hangs and skips the file that hangs', async () => {
    const jobs = writeJobs().slice(0, 20);
    const hanging = { ...jobs[0]!, path: 'hang-me.ts' };
    const outcomes = await collectWith({ threads: 2, batchSize: 8, batchTimeoutMs: 3000, workerUrl: crashingWorker }, [...jobs, hanging]);
    expect(outcomes.get('hang-me.ts')).toEqual({ path: 'hang-me.ts', status: 'skipped', hash: null, reason: 'parser timed out (its worker was stopped)' });
    expect([...outcomes.values()].filter((outcome) => outcome.status === 'parsed')).toHaveLength(20);
  });

  it('rejects a parse whose callback throws, and still finishes the others', async () => {
    const jobs = writeJobs();
    const failing = pool.parse(jobs.slice(0, 100), () => {
      throw new Error('callback broke');
    });
    const finishing = collect(jobs.slice(100));
    await expect(failing).rejects.toThrow('callback broke');
    expect((await finishing).size).toBe(100);
  });

  it('parses on this thread too when asked, one outcome per job', async () => {
    const jobs = writeJobs();
    const outcomes = await collectWith({ threads: 2, batchSize: 16, mainThread: true }, jobs);
    expect([...outcomes.keys()].sort()).toEqual(jobs.map((job) => job.path).sort());
    expect([...outcomes.values()].every((outcome) => outcome.status === 'parsed')).toBe(true);
  });

  it('with one thread and mainThread, parses everything here and starts no worker', async () => {
    // The test worker dies on any batch with "crash" in a path: parsed here, the file is fine.
    const jobs = writeJobs().slice(0, 20);
    const outcomes = await collectWith({ threads: 1, mainThread: true, workerUrl: crashingWorker }, [...jobs, { ...jobs[0]!, path: 'crash-me.ts' }]);
    expect(outcomes.size).toBe(21);
    expect([...outcomes.values()].filter((outcome) => outcome.status === 'parsed')).toHaveLength(21);
  });

  it('leaves files above mainThreadMaxBytes to the workers', async () => {
    const jobs = writeJobs().slice(0, 20);
    // Said to be large, so only a worker may take it, and the test worker dies on it.
    const large = { ...jobs[0]!, path: 'crash-large.ts', size: 5000 };
    const outcomes = await collectWith({ threads: 2, batchSize: 8, mainThread: true, mainThreadMaxBytes: 1000, workerUrl: crashingWorker }, [...jobs, large]);
    expect(outcomes.get('crash-large.ts')).toEqual({ path: 'crash-large.ts', status: 'skipped', hash: null, reason: 'parser crashed: worker exited with code 3' });
    expect([...outcomes.values()].filter((outcome) => outcome.status === 'parsed')).toHaveLength(20);
  });

  it('calls onIdle once no job is left, while a worker still parses, and rejects when it throws', async () => {
    const jobs = writeJobs().slice(0, 20);
    // Only a worker may take the large file (above mainThreadMaxBytes); the test worker holds it for half a second.
    const slow = { ...jobs[0]!, path: 'slow-large.ts', size: 5000 };
    const own = createParsePool({ threads: 2, batchSize: 1, mainThread: true, mainThreadMaxBytes: 1000, workerUrl: crashingWorker });
    try {
      const delivered: string[] = [];
      const idle: string[][] = [];
      await own.parse([...jobs, slow], (outcome) => delivered.push(outcome.path), () => idle.push([...delivered]));
      expect(delivered).toHaveLength(21);
      expect(idle.length).toBeGreaterThan(0);
      // The first idle moment comes before the worker's answer: this thread parsed the small files meanwhile.
      expect(idle[0]).not.toContain('slow-large.ts');
      expect(idle[0]!.length).toBeGreaterThan(10);
      const failing = own.parse([slow, ...jobs.slice(0, 3)], () => {}, () => {
        throw new Error('write failed');
      });
      await expect(failing).rejects.toThrow('write failed');
    } finally {
      await own.close();
    }
  });

  it('runs parses started at the same time side by side', async () => {
    const jobs = writeJobs();
    const [left, right] = await Promise.all([collect(jobs.slice(0, 120)), collect(jobs.slice(120))]);
    expect(left.size + right.size).toBe(200);
  });
});
