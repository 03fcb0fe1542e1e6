/** `codewright bench run|report|compare|mine`: measure agents on task suites, report, compare runs, mine tasks from history. */
import { createLogger } from '../../core/logger.ts';
import { CodewrightError } from '../../core/errors.ts';
import type { BenchProgress } from '../../bench/run/run-bench.ts';
import type { CommandContext } from '../context.ts';
import { printJson } from '../context.ts';

export interface BenchRunCommandOptions {
  agent?: string;
  workers?: string;
  samples?: string;
  limit?: string;
  model?: string;
  resume?: string;
  root?: string;
  minFreeMb?: string;
  setupTimeout?: string;
  testTimeout?: string;
  scoreRuns?: string;
  keepWorktrees?: boolean;
  json?: boolean;
}

function number(name: string, value: string | undefined, options: { integer?: boolean; min?: number } = {}): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  const min = options.min ?? 1;
  if (!Number.isFinite(parsed) || parsed < min || (options.integer !== false && !Number.isInteger(parsed))) {
    throw new CodewrightError({ code: 'INVALID_ARGUMENT', message: `${name} takes ${options.integer === false ? 'a number' : 'a whole number'} >= ${min}, not \`${value}\`.` });
  }
  return parsed;
}

function progressLine(event: BenchProgress): string {
  if (event.type === 'run-start') return `bench run ${event.id}: ${event.pairs} task sample${event.pairs === 1 ? '' : 's'} with ${event.agent}${event.alreadyScored > 0 ? `, ${event.alreadyScored} already scored` : ''} (${event.directory})`;
  const { score, attempt } = event;
  const detail = score.status === 'passed' ? '' : `: ${score.reason.split('\n')[0]!.slice(0, 160)}`;
  return `[${event.done}/${event.total}] ${event.taskId}#${event.sample} ${score.status}${detail} (agent ${attempt.seconds.toFixed(1)} s, score ${score.seconds.toFixed(1)} s)`;
}

/** `bench run <suite> --agent …` or `bench run --resume <run>`: exit 0 when every sample is scored, 2 when stopped or interrupted. */
export async function runBenchRunCommand(suite: string | undefined, options: BenchRunCommandOptions, context: CommandContext): Promise<void> {
  const { runBench } = await import('../../bench/run/run-bench.ts');
  const { readBenchRun } = await import('../../bench/run/open-bench-run.ts');
  const { summarizeRun } = await import('../../bench/score/summarize-run.ts');
  const { rate, dollars } = await import('../../bench/report/format-figures.ts');
  if (!options.resume && !suite) throw new CodewrightError({ code: 'INVALID_ARGUMENT', message: '`codewright bench run` needs a suite (tasks.jsonl or <adapter>:<path>), or --resume <run>.' });
  const minFreeMb = number('--min-free-mb', options.minFreeMb, { min: 0, integer: false });
  const setupTimeout = number('--setup-timeout', options.setupTimeout, { integer: false });
  const testTimeout = number('--test-timeout', options.testTimeout, { integer: false });
  const interrupt = new AbortController();
  const onSignal = () => interrupt.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const root = options.root ?? '.';
    const outcome = await runBench({
      root,
      ...(suite ? { suite } : {}),
      ...(options.agent ? { agent: options.agent } : {}),
      ...(options.resume ? { resume: options.resume } : {}),
      ...(options.workers ? { workers: number('--workers', options.workers)! } : {}),
      ...(options.samples ? { samples: number('--samples', options.samples)! } : {}),
      ...(options.limit ? { limit: number('--limit', options.limit)! } : {}),
      ...(options.model ? { model: options.model } : {}),
      ...(minFreeMb !== undefined ? { minFreeBytes: minFreeMb * 1024 * 1024 } : {}),
      ...(setupTimeout ? { setupTimeoutMs: setupTimeout * 1000 } : {}),
      ...(testTimeout ? { testTimeoutMs: testTimeout * 1000 } : {}),
      ...(options.scoreRuns ? { scoreRuns: number('--score-runs', options.scoreRuns)! } : {}),
      ...(options.keepWorktrees ? { keepWorktrees: true } : {}),
      logger: createLogger({ level: 'warn' }),
      onProgress: (event) => context.err(progressLine(event)),
      signal: interrupt.signal,
    });
    const summary = summarizeRun(readBenchRun(root, outcome.directory));
    if (options.json) printJson(context, { ...outcome, overall: summary.overall, by: summary.by });
    else {
      const { overall } = summary;
      const passes = Object.entries(overall.passAtK).filter(([key]) => key !== 'pass@1').map(([key, value]) => `, ${key} ${rate(value)}`).join('');
      context.out(`bench run ${outcome.id}: resolve rate ${rate(overall.resolveRate)} over ${overall.counted} of ${overall.tasks} tasks${passes}; cost ${dollars(overall.cost.total)}`);
      context.out(`report: codewright bench report ${outcome.id}`);
    }
    if (outcome.status !== 'done') {
      context.err(`codewright: ${outcome.reason ?? `the run was ${outcome.status}`}${outcome.reason ? '' : `; continue with \`codewright bench run --resume ${outcome.id}\``}`);
      process.exitCode = 2;
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** `bench report <run> [--format html|json|markdown] [--out file]`. */
export async function runBenchReportCommand(id: string, options: { format?: string; out?: string; root?: string }, context: CommandContext): Promise<void> {
  const { benchReport } = await import('../../bench/report/bench-report.ts');
  const report = benchReport(options.root ?? '.', id, { ...(options.format ? { format: options.format } : {}), ...(options.out ? { out: options.out } : {}) });
  if (report.path) context.out(report.path);
  else process.stdout.write(report.text);
}

/** `bench compare <run> <run> [--json]`. */
export async function runBenchCompareCommand(first: string, second: string, options: { json?: boolean; root?: string }, context: CommandContext): Promise<void> {
  const { compareRuns } = await import('../../bench/compare/compare-runs.ts');
  const { renderComparisonMarkdown } = await import('../../bench/compare/render-comparison.ts');
  const comparison = compareRuns(options.root ?? '.', first, second);
  if (options.json) printJson(context, comparison);
  else process.stdout.write(renderComparisonMarkdown(comparison));
}

/** `bench mine <repo> [--out file] [--limit N] [--kinds fix,refactor,localize]`: tasks as JSONL on stdout or in the file. */
export async function runBenchMineCommand(repository: string, options: { out?: string; limit?: string; kinds?: string }, context: CommandContext): Promise<void> {
  const { mineRepository } = await import('../../bench/mine/index.ts');
  const kinds = options.kinds?.split(',').map((kind) => kind.trim()).filter(Boolean);
  const known = ['fix', 'refactor', 'localize'];
  const unknown = kinds?.find((kind) => !known.includes(kind));
  if (unknown) throw new CodewrightError({ code: 'INVALID_ARGUMENT', message: `--kinds takes ${known.join(', ')} (comma-separated), not \`${unknown}\`.` });
  const interrupt = new AbortController();
  const onSignal = () => interrupt.abort();
  process.once('SIGINT', onSignal);
  try {
    const result = await mineRepository(repository, {
      ...(options.out ? { out: options.out } : {}),
      ...(options.limit ? { limit: number('--limit', options.limit)! } : {}),
      ...(kinds ? { kinds: kinds as ('fix' | 'refactor' | 'localize')[] } : {}),
      signal: interrupt.signal,
      logger: createLogger({ level: 'warn' }),
      onProgress: (event) => {
        if (event.type === 'candidate-end') context.err(`${event.commit.slice(0, 10)} ${event.kind}: ${event.kept ? 'kept' : `skipped (${event.reason ?? 'no reason'})`}`);
        else if (event.type === 'scan-end') context.err(`${event.candidates} candidate commits of ${event.commits}`);
      },
    });
    if (!options.out) for (const task of result.tasks) context.out(JSON.stringify(task));
    const byKind = new Map<string, number>();
    for (const task of result.tasks) byKind.set(task.family, (byKind.get(task.family) ?? 0) + 1);
    context.err(`mined ${result.tasks.length} task${result.tasks.length === 1 ? '' : 's'}${byKind.size > 0 ? ` (${[...byKind].map(([family, total]) => `${family} ${total}`).join(', ')})` : ''}${options.out ? ` into ${options.out}` : ''}; ${result.rejected.length} candidate${result.rejected.length === 1 ? '' : 's'} rejected`);
  } finally {
    process.off('SIGINT', onSignal);
  }
}
