/** `check`: collects a change, applies it in isolated worktrees, gathers evidence and decides a verdict per hunk. */
import { existsSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import type { Change, Evidence, EvidenceKind, Hunk, HunkVerdict, Intent, Verdict } from '../core/change.ts';
import type { Logger } from '../core/logger.ts';
import { silentLogger } from '../core/logger.ts';
import { databasePath, openIndex } from '../atlas/store/database.ts';
import { collectChange, findTouchedSymbols } from './change/index.ts';
import { cleanupStaleWorkspaces, compareSnapshots, createWorkspaces, repositoryTopLevel, snapshotUserTree } from './workspace/index.ts';
import type { CheckContext, EvidenceProvider, TouchedSymbol } from './types.ts';
import { decideVerdict, exitCodeFor, verdictOrder } from './verdict/rules.ts';
import type { CheckReport, FileReport } from './report/types.ts';
import { defaultProviders } from './providers.ts';
import { readTestsShared } from './tests/index.ts';
import { inferIntent } from './infer-intent.ts';
import { recordTestMaps, type RecordInput } from './record-test-map.ts';

export interface CheckOptions {
  base?: string;
  patchFile?: string;
  intent?: Intent;
  full?: boolean;
  /** Record the test map at the base first (the whole suite with coverage per test file), then check with it. */
  recordTests?: boolean;
  /** Time limit of one child process (test run, type-check), ms; default 120 s. */
  timeoutMs?: number;
  failOn?: Verdict;
  /** Only these kinds of evidence (default: all). */
  kinds?: readonly EvidenceKind[];
  providers?: readonly EvidenceProvider[];
  onEvent?: (event: CheckEvent) => void;
  logger?: Logger;
  signal?: AbortSignal;
}

export type CheckEvent =
  | { type: 'stage-start'; stage: string }
  | { type: 'stage-end'; stage: string; milliseconds: number; detail: string };

function allHunks(change: Change): Hunk[] {
  return change.files.flatMap((file) => file.hunks);
}

function describeSource(options: CheckOptions): string {
  if (options.patchFile) return `patch ${options.patchFile}`;
  return 'working tree';
}

function openAtlas(root: string): DatabaseSync | undefined {
  if (!existsSync(databasePath(root))) return undefined;
  try {
    return openIndex(root, { writable: false });
  } catch {
    return undefined;
  }
}

/** Runs `check` on the repository at `path` and returns the report; the user's tree is never written. */
export async function runCheck(path: string, options: CheckOptions = {}): Promise<CheckReport> {
  const started = performance.now();
  const logger = options.logger ?? silentLogger;
  const emit = options.onEvent ?? (() => {});
  const root = await repositoryTopLevel(path);
  await cleanupStaleWorkspaces(root, { logger });
  const change = await collectChange(root, { base: options.base, patchFile: options.patchFile, signal: options.signal });
  const hunks = allHunks(change);
  const intentChoice = options.intent ? { intent: options.intent, why: 'given' } : inferIntent(change);
  const report: CheckReport = {
    root,
    source: describeSource(options),
    base: change.base,
    intent: intentChoice.intent,
    intentSource: intentChoice.why,
    files: [],
    changeEvidence: [],
    unavailable: [],
    notes: [],
    counts: { broken: 0, suspicious: 0, unverified: 0, likely: 0, verified: 0 },
    exitCode: 0,
    milliseconds: 0,
    timings: {},
  };
  if (change.files.length === 0) {
    // Nothing to check; `--record-tests` still records the test map of the base, for the checks to come.
    if (options.recordTests) {
      const workspaces = await createWorkspaces(root, change, { logger, signal: options.signal });
      try {
        await recordTests(report, { root, baseDir: workspaces.baseDir, base: change.base, timeoutMs: options.timeoutMs ?? 120_000, logger, signal: options.signal }, emit);
      } finally {
        await workspaces.dispose();
      }
    }
    report.milliseconds = Math.round(performance.now() - started);
    return report;
  }
  const before = await snapshotUserTree(root);
  const workspaces = await createWorkspaces(root, change, { logger, signal: options.signal });
  const atlas = openAtlas(root);
  let evidence: Evidence[] = [];
  const sharedResults = new Map<string, unknown>();
  const touched = await findTouchedSymbols(change, { changeDir: workspaces.changeDir, baseDir: workspaces.baseDir, atlas }).catch(
    async (error: unknown) => {
      atlas?.close();
      await workspaces.dispose();
      throw error;
    },
  );
  try {
    if (options.recordTests) await recordTests(report, { root, baseDir: workspaces.baseDir, base: change.base, timeoutMs: options.timeoutMs ?? 120_000, logger, signal: options.signal }, emit);
    const providers = (options.providers ?? defaultProviders()).filter((provider) => !options.kinds || options.kinds.includes(provider.kind));
    const context: CheckContext = {
      root,
      baseDir: workspaces.baseDir,
      changeDir: workspaces.changeDir,
      change,
      hunks,
      intent: report.intent,
      touched,
      atlas,
      full: Boolean(options.full),
      timeoutMs: options.timeoutMs ?? 120_000,
      logger,
      signal: options.signal,
      shared: sharedResults,
      kinds: new Set(providers.map((provider) => provider.kind)),
      notes: report.notes,
    };
    for (const provider of providers) {
      emit({ type: 'stage-start', stage: provider.kind });
      const stageStarted = performance.now();
      const found = await runProvider(provider, context);
      const milliseconds = Math.round(performance.now() - stageStarted);
      report.timings[provider.kind] = milliseconds;
      evidence = evidence.concat(found);
      emit({ type: 'stage-end', stage: provider.kind, milliseconds, detail: summarise(found) });
    }
  } finally {
    atlas?.close();
    await workspaces.dispose();
  }
  report.changeEvidence.push(...timedOutTests(sharedResults));
  const after = await snapshotUserTree(root);
  const differences = compareSnapshots(before, after);
  if (differences.length > 0) {
    report.changeEvidence.push({
      kind: 'tests',
      status: 'fail',
      message: `something wrote to your working tree during the check (${differences.slice(0, 5).map((entry) => `${entry.change} ${entry.path}`).join(', ')}${differences.length > 5 ? ', …' : ''}): a test writes outside its worktree`,
      hunks: [],
      data: { differences },
    });
  }
  finishReport(report, change, evidence, touched, options.failOn);
  report.milliseconds = Math.round(performance.now() - started);
  return report;
}

async function recordTests(report: CheckReport, input: RecordInput, emit: (event: CheckEvent) => void): Promise<void> {
  emit({ type: 'stage-start', stage: 'record-tests' });
  const started = performance.now();
  const outcomes = await recordTestMaps(input);
  for (const outcome of outcomes) {
    if (outcome.status === 'recorded') {
      report.notes.push(
        `test map recorded: ${outcome.runner}, ${outcome.testFiles} test files over ${outcome.sources} source files in ${outcome.seconds} s${outcome.failingTests > 0 ? ` (${outcome.failingTests} tests failed on the base)` : ''}; saved to ${outcome.path}`,
      );
    } else {
      report.unavailable.push({ kind: 'tests', reason: outcome.reason });
    }
  }
  const milliseconds = Math.round(performance.now() - started);
  report.recordMilliseconds = milliseconds;
  emit({ type: 'stage-end', stage: 'record-tests', milliseconds, detail: outcomes.map((outcome) => `${outcome.runner} ${outcome.status}`).join(', ') });
}

async function runProvider(provider: EvidenceProvider, context: CheckContext): Promise<Evidence[]> {
  try {
    return await provider.doCheck(context);
  } catch (error) {
    // A provider bug must not hide the other evidence: report it as unavailable.
    return [{ kind: provider.kind, status: 'unavailable', message: `${provider.kind} check failed: ${error instanceof Error ? error.message : String(error)}`, hunks: [] }];
  }
}

/** Tests killed by the time limit, reported whatever hunks they reach: a hang is worth knowing about. */
function timedOutTests(shared: ReadonlyMap<string, unknown>): Evidence[] {
  const tests = readTestsShared(shared);
  if (!tests) return [];
  return tests.records.flatMap((record) => {
    const run = record.change;
    const killed = run.outcomes.filter((outcome) => outcome.status === 'timeout');
    const found: Evidence[] = killed.map((outcome) => ({
      kind: 'tests',
      status: 'warn',
      message: `test ${outcome.name === '(file)' ? 'file' : `"${outcome.name}" in`} ${outcome.file} ${outcome.message ?? 'timed out'}; it was killed with its process group`,
      hunks: [],
    }));
    if (run.timedOut && killed.length === 0) {
      found.push({ kind: 'tests', status: 'warn', message: `the ${record.runner.name} run ${run.error ?? 'timed out'}; it was killed with its process group`, hunks: [] });
    }
    return found;
  });
}

function summarise(evidence: readonly Evidence[]): string {
  const counts = new Map<string, number>();
  for (const item of evidence) counts.set(item.status, (counts.get(item.status) ?? 0) + 1);
  return [...counts].map(([status, count]) => `${count} ${status}`).join(', ');
}

function finishReport(
  report: CheckReport,
  change: Change,
  evidence: readonly Evidence[],
  touched: Map<string, TouchedSymbol[]>,
  failOn: Verdict | undefined,
): void {
  const unavailable = evidence.filter((item) => item.status === 'unavailable');
  const seen = new Set<string>();
  for (const item of unavailable) {
    const key = `${item.kind}\u0000${item.message}`;
    if (!seen.has(key)) report.unavailable.push({ kind: item.kind, reason: item.message });
    seen.add(key);
  }
  const whole = [...evidence.filter((item) => item.hunks.length === 0 && item.status !== 'unavailable'), ...report.changeEvidence];
  for (const file of change.files) {
    const entry: FileReport = { path: file.newPath ?? file.oldPath ?? '', kind: file.kind, binary: file.binary, hunks: [] };
    for (const hunk of file.hunks) {
      const mine = [...evidence.filter((item) => item.hunks.includes(hunk.id)), ...whole];
      const { verdict, reason } = decideVerdict(hunk, mine);
      const symbols = [...new Set((touched.get(hunk.id) ?? []).map((symbol) => symbol.qualifiedName))];
      const decided: HunkVerdict = { hunk, verdict, reason, evidence: mine, symbols };
      entry.hunks.push(decided);
      report.counts[verdict]++;
    }
    report.files.push(entry);
  }
  const verdicts = report.files.flatMap((file) => file.hunks.map((hunk) => hunk.verdict));
  report.exitCode = exitCodeFor(verdicts, failOn ?? 'suspicious');
  void verdictOrder;
}
