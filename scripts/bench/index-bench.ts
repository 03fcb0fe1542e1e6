/** `npm run bench -- index <checkout>`: indexing speed, memory, incremental updates and query latency. */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openIndex } from '../../src/atlas/store/database.ts';
import { findSymbols } from '../../src/atlas/query/find.ts';
import { findReferences } from '../../src/atlas/query/references.ts';
import { resolveSymbolSpec } from '../../src/atlas/query/symbols.ts';
import { searchCode } from '../../src/atlas/query/search.ts';
import { locate } from '../../src/atlas/query/locate.ts';
import type { IndexSummary } from '../../src/atlas/index/summary.ts';
import { fixed, median, percentile, runMeasured, seededRandom } from './measure.ts';

const cli = fileURLToPath(new URL('../../bin/codewright.js', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 3);
const timeBinary = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/**
 * CPU seconds (user + system, children included) of a command: on a shared machine wall time
 * depends on the other sessions' load, CPU time much less. Undefined without /usr/bin/time.
 */
function cpuSeconds(command: string, args: string[]): { run: ReturnType<typeof runMeasured>; cpu: number | undefined } {
  if (!timeBinary) return { run: runMeasured(command, args), cpu: undefined };
  const started = performance.now();
  const result = spawnSync(timeBinary, ['-f', '__cpu=%U %S %M', command, ...args], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, timeout: 30 * 60_000, killSignal: 'SIGKILL' });
  const seconds = (performance.now() - started) / 1000;
  const figures = /__cpu=(\S+) (\S+) (\d+)/.exec(result.stderr ?? '');
  const run = {
    seconds,
    peakMegabytes: figures ? Number(figures[3]) / 1024 : null,
    stdout: result.stdout ?? '',
    stderr: (result.stderr ?? '').replace(/__cpu=.*\n?/, ''),
    status: result.status,
  };
  return { run, cpu: figures ? Number(figures[1]) + Number(figures[2]) : undefined };
}

function indexRun(root: string, ...flags: string[]) {
  const { run, cpu } = cpuSeconds(process.execPath, [cli, 'index', root, '--json', ...flags]);
  if (run.status !== 0) throw new Error(`index failed (${run.status}): ${run.stderr}`);
  return { ...run, cpu, summary: JSON.parse(run.stdout) as IndexSummary };
}

function ctagsRun(root: string) {
  const probe = runMeasured('ctags', ['--version']);
  if (probe.status !== 0) return undefined;
  const { run, cpu } = cpuSeconds('ctags', ['-R', '-f', '/dev/null', '--exclude=.codewright', '--exclude=node_modules', '--exclude=.git', root]);
  return { ...run, cpu };
}

/** Median CPU seconds, or NaN when they were not measured. */
function medianCpu(measured: readonly { cpu: number | undefined }[]): number {
  return median(measured.flatMap((run) => (run.cpu === undefined ? [] : [run.cpu])));
}

/** Median milliseconds of each stage over several runs. */
function medianStages(measured: readonly { summary: IndexSummary }[]): string {
  const names = [...new Set(measured.flatMap((run) => Object.keys(run.summary.stages)))];
  return names.map((name) => `${name} ${fixed(median(measured.map((run) => run.summary.stages[name] ?? 0)), 0)}`).join(', ');
}

function timeQueries<T>(items: readonly T[], run: (item: T) => unknown): number[] {
  return items.map((item) => {
    const started = performance.now();
    run(item);
    return performance.now() - started;
  });
}

/** Prints the index benchmark for `root`. */
export async function benchIndex(root: string): Promise<void> {
  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    console.log(line);
  };
  say(`# index benchmark: ${root} (${runs} runs, medians)`);
  // ctags and the cold index alternate, so that both meet the same machine load.
  const ctags: NonNullable<ReturnType<typeof ctagsRun>>[] = [];
  const cold: ReturnType<typeof indexRun>[] = [];
  for (let run = 0; run < runs; run++) {
    const anchor = ctagsRun(root);
    if (anchor) ctags.push(anchor);
    cold.push(indexRun(root, '--rebuild', '--no-history'));
  }
  const last = cold[cold.length - 1]!.summary;
  const bytes = Number(
    (() => {
      const db = openIndex(root, { writable: false });
      try {
        return (db.prepare("SELECT sum(size) AS n FROM files WHERE status IN ('indexed', 'partial')").get() as { n: number }).n;
      } finally {
        db.close();
      }
    })(),
  );
  const coldSeconds = median(cold.map((run) => run.seconds));
  const coldPeak = Math.max(...cold.map((run) => run.peakMegabytes ?? 0));
  say(`files indexed: ${last.files} (${(bytes / 1024 / 1024).toFixed(1)} MB), symbols ${last.symbols}, references ${last.references}`);
  const coldCpu = medianCpu(cold);
  say(`cold syntactic index: ${fixed(coldSeconds)} s (CPU ${fixed(coldCpu)} s), ${fixed(last.files / coldSeconds, 0)} files/s, ${fixed(bytes / 1024 / 1024 / coldSeconds)} MB/s, peak RSS ${fixed(coldPeak, 0)} MB; stages ${medianStages(cold)}`);
  if (ctags.length > 0) {
    const ctagsSeconds = median(ctags.map((run) => run.seconds));
    const ctagsCpu = medianCpu(ctags);
    say(`ctags -R: ${fixed(ctagsSeconds)} s (CPU ${fixed(ctagsCpu)} s), peak RSS ${fixed(Math.max(...ctags.map((run) => run.peakMegabytes ?? 0)), 0)} MB; ratio index/ctags = ${fixed(coldSeconds / ctagsSeconds)}x wall (target <= 2), ${fixed(coldCpu / ctagsCpu)}x CPU`);
    // Each cold index runs right after its ctags run: on a host whose speed drifts, the ratio within each
    // pair shows the drift less than the ratio of the medians does. Both are printed.
    const pairs = ctags.map((anchor, index) => ({ ctags: anchor.seconds, index: cold[index]!.seconds }));
    say(
      `pairs (ctags / index, wall s): ${pairs.map((pair) => `${fixed(pair.ctags)}/${fixed(pair.index)}`).join(', ')}; ` +
        `median of the pairs' ratios ${fixed(median(pairs.map((pair) => pair.index / pair.ctags)))}x`,
    );
  } else say('ctags -R: not installed (no ratio)');
  const withHistory = indexRun(root);
  say(`history (incremental after cold index): ${fixed(withHistory.seconds)} s, stages ${JSON.stringify(withHistory.summary.stages)}`);
  const noop = Array.from({ length: runs }, () => indexRun(root));
  say(`no-op re-index: ${fixed(median(noop.map((run) => run.seconds)))} s whole process (CPU ${fixed(medianCpu(noop))} s), ${fixed(median(noop.map((run) => run.summary.milliseconds)), 0)} ms in-process`);
  const db = openIndex(root, { writable: false });
  const target = (db.prepare("SELECT path FROM files WHERE status = 'indexed' AND language IN ('typescript', 'javascript', 'python', 'go', 'rust', 'java', 'c', 'cpp', 'tsx') ORDER BY abs(size - 8000) LIMIT 1").get() as { path: string }).path;
  db.close();
  const original = readFileSync(join(root, target));
  const oneFile = [];
  const named = [];
  let watched: number[];
  try {
    // More runs than elsewhere: each is short, and the target is close. Runs that scan everything
    // alternate with runs told the changed file (`--changed`, as an editor's hook or --watch knows it).
    for (let run = 0; run < Math.max(runs, 7); run++) {
      appendFileSync(join(root, target), `\n// bench edit ${run} ${Date.now()}\n`);
      oneFile.push(indexRun(root));
      appendFileSync(join(root, target), `\n// bench edit ${run}b ${Date.now()}\n`);
      named.push(indexRun(root, '--changed', join(root, target)));
    }
    watched = await watchedEdits(root, target, Math.max(runs, 7));
  } finally {
    writeFileSync(join(root, target), original);
    indexRun(root);
  }
  say(
    `one changed file (${target}): ${fixed(median(oneFile.map((run) => run.seconds * 1000)), 0)} ms whole process (CPU ${fixed(medianCpu(oneFile) * 1000, 0)} ms), ` +
      `${fixed(median(oneFile.map((run) => run.summary.milliseconds)), 0)} ms in-process (target < 200 ms); stages ${medianStages(oneFile)}`,
  );
  const namedScans = [...new Set(named.map((run) => run.summary.scan))].join(' / ');
  say(
    `one changed file, named (--changed): ${fixed(median(named.map((run) => run.seconds * 1000)), 0)} ms whole process (CPU ${fixed(medianCpu(named) * 1000, 0)} ms), ` +
      `${fixed(median(named.map((run) => run.summary.milliseconds)), 0)} ms in-process; stages ${medianStages(named)} (scan: ${namedScans})`,
  );
  say(`one changed file under index --watch: ${fixed(median(watched), 0)} ms in-process per update (${watched.map((value) => fixed(value, 0)).join(', ')})`);
  benchQueries(root, say);
}

/**
 * Edits `target` `count` times under `codewright index --watch` and returns the in-process time of each
 * update as the watcher reports it (`index: updated (...) in N ms`), debounce excluded.
 */
async function watchedEdits(root: string, target: string, count: number): Promise<number[]> {
  const child = spawn(process.execPath, [cli, 'index', root, '--watch', '--no-history'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let waiter: (() => void) | undefined;
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    waiter?.();
  });
  const next = (pattern: RegExp, from: number) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`index --watch printed no ${pattern} in 60 s:\n${stderr}`)), 60_000);
      waiter = () => {
        const match = pattern.exec(stderr.slice(from));
        if (!match) return;
        clearTimeout(timer);
        waiter = undefined;
        resolve(match);
      };
      waiter();
    });
  child.stdout.resume();
  try {
    await new Promise((resolve) => child.stdout.once('data', resolve)); // the first run's summary
    const times: number[] = [];
    for (let run = 0; run < count; run++) {
      const from = stderr.length;
      appendFileSync(join(root, target), `\n// bench watch edit ${run} ${Date.now()}\n`);
      const match = await next(/index: updated \(1 parsed[^)]*\) in (\d+) ms/, from);
      times.push(Number(match[1]));
    }
    return times;
  } finally {
    child.kill('SIGINT');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

function benchQueries(root: string, say: (line: string) => void): void {
  const db = openIndex(root, { writable: false });
  try {
    const random = seededRandom(42);
    const names = (db.prepare("SELECT name FROM symbols WHERE length(name) > 3 AND kind IN ('function', 'method', 'class', 'interface', 'type', 'constant', 'variable') ").all() as { name: string }[]).map((row) => row.name);
    const pick = () => names[Math.floor(random() * names.length)] ?? 'main';
    const sample = Array.from({ length: 200 }, pick);
    const docs = (db.prepare("SELECT doc FROM symbols WHERE length(doc) > 40 LIMIT 5000").all() as { doc: string }[]).map((row) => row.doc.slice(0, 200));
    const sentences = Array.from({ length: 200 }, () => docs[Math.floor(random() * docs.length)] ?? 'parse the configuration file');
    const report = (name: string, times: number[], target: number) =>
      say(`${name}: p50 ${fixed(percentile(times, 50))} ms, p95 ${fixed(percentile(times, 95))} ms over ${times.length} queries (target p50 < ${target} ms)`);
    report('find', timeQueries(sample, (name) => findSymbols(db, name)), 10);
    report('refs', timeQueries(sample, (name) => findReferences(db, root, resolveSymbolSpec(db, name), { limit: 500 })), 10);
    report('search', timeQueries(sentences, (text) => searchCode(db, root, text)), 50);
    report('locate', timeQueries(sentences, (text) => locate(db, text)), 50);
  } finally {
    db.close();
  }
}
