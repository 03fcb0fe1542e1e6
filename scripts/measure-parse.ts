// Prints parse throughput (files/s, MB/s, lines/s) on a checkout of real code: one thread, then the pool.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extractFacts } from '../src/atlas/parse/extract.ts';
import { grammarLanguage, grammarsFor } from '../src/atlas/parse/file-checks.ts';
import { loadGrammars } from '../src/atlas/parse/grammars.ts';
import { parseFileSync } from '../src/atlas/parse/parse-file.ts';
import { createParsePool } from '../src/atlas/parse/pool.ts';
import type { ParseJob, ParseOutcome } from '../src/atlas/parse/types.ts';
import { scanRepository } from '../src/atlas/scan/walk.ts';

const usage = 'usage: node scripts/measure-parse.ts <directory> [--threads N] [--rounds N] [--max-bytes N]';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

/** The files the indexer would parse: the scan's ignore rules, supported languages, size cap. */
function listJobs(root: string, maxBytes: number): ParseJob[] {
  const jobs: ParseJob[] = [];
  for (const file of scanRepository(root).files) {
    if (file.language && file.size <= maxBytes) {
      jobs.push({ path: file.path, absolutePath: file.absolutePath, language: file.language, size: file.size });
    }
  }
  return jobs;
}

function cpuMilliseconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function rates(label: string, files: number, bytes: number, lines: number, milliseconds: number, extra = ''): void {
  const seconds = milliseconds / 1000;
  const perSecond = (count: number) => Math.round(count / seconds).toLocaleString('en');
  console.log(
    `${label.padEnd(34)} ${milliseconds.toFixed(0).padStart(6)} ms  ${perSecond(files).padStart(7)} files/s  ` +
      `${(bytes / 1e6 / seconds).toFixed(2).padStart(6)} MB/s  ${perSecond(lines).padStart(9)} lines/s${extra}`,
  );
}

async function measureOneThread(jobs: ParseJob[], rounds: number): Promise<{ bytes: number; lines: number }> {
  await loadGrammars(jobs.flatMap((job) => grammarsFor(job.path, job.language)));
  const sources = jobs.map((job) => {
    const text = readFileSync(job.absolutePath, 'utf8');
    return { job, text, language: grammarLanguage(job.path, job.language, text) };
  });
  const bytes = jobs.reduce((sum, job) => sum + job.size, 0);
  let lines = 0;
  let best = Infinity;
  let first = 0;
  for (let round = 0; round < rounds; round++) {
    const started = process.cpuUsage();
    lines = 0;
    for (const { job, text, language } of sources) lines += extractFacts(job.path, language, text).lines;
    const spent = cpuMilliseconds(started);
    if (round === 0) first = spent;
    best = Math.min(best, spent);
  }
  rates('1 thread, extract, first round', jobs.length, bytes, lines, first, '  (cold JIT, CPU time)');
  rates(`1 thread, extract, best of ${rounds}`, jobs.length, bytes, lines, best, '  (warm, CPU time)');
  const started = process.cpuUsage();
  for (const job of jobs) parseFileSync(job);
  rates('1 thread, read+hash+extract+chunks', jobs.length, bytes, lines, cpuMilliseconds(started), '  (CPU time)');
  return { bytes, lines };
}

/** Wall time, and CPU time of the whole process (all threads): on a busy machine wall time lies. */
async function measurePool(jobs: ParseJob[], threads: number, bytes: number, lines: number): Promise<void> {
  const pool = createParsePool({ threads });
  const statuses = new Map<ParseOutcome['status'], number>();
  try {
    for (const label of ['cold start', 'warm workers']) {
      const wall = performance.now();
      const cpu = process.cpuUsage();
      statuses.clear();
      await pool.parse(jobs, (outcome) => statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1));
      const cpuSpent = cpuMilliseconds(cpu);
      const extra = `  (wall; CPU ${cpuSpent.toFixed(0)} ms in all threads, ${(cpuSpent / threads).toFixed(0)} ms per thread)`;
      rates(`pool, ${threads} threads, ${label}`, jobs.length, bytes, lines, performance.now() - wall, extra);
    }
  } finally {
    await pool.close();
  }
  console.log(`outcomes: ${[...statuses].map(([status, count]) => `${count} ${status}`).join(', ')}`);
}

const root = process.argv[2];
if (!root || root.startsWith('--')) {
  console.error(usage);
  process.exitCode = 2;
} else {
  const jobs = listJobs(root, option('--max-bytes', 1_000_000));
  const byLanguage = new Map<string, number>();
  for (const job of jobs) byLanguage.set(job.language, (byLanguage.get(job.language) ?? 0) + 1);
  console.log(`${jobs.length} files under ${root}: ${[...byLanguage].map(([language, count]) => `${count} ${language}`).join(', ')}`);
  const { bytes, lines } = await measureOneThread(jobs, option('--rounds', 3));
  console.log(`${(bytes / 1e6).toFixed(1)} MB, ${lines.toLocaleString('en')} lines, ${Math.round(lines / jobs.length)} lines per file`);
  await measurePool(jobs, option('--threads', availableParallelism()), bytes, lines);
}
