/** Differential testing between candidates: the same inputs to two candidates' versions of a function, and every candidate's answer to an input where they differ. */
import path from 'node:path';
import { runCheck } from '../../evidence/run-check.ts';
import { createHarness, type EncodedValue } from '../../evidence/differential/index.ts';
import type { CallOutcome } from '../../evidence/differential/index.ts';
import { formatArguments, formatOutcome } from '../../evidence/differential/format.ts';
import type { Logger } from '../../core/logger.ts';
import type { CandidateWorkspace } from '../types.ts';
import { snapshotCommit } from '../scaling/snapshot-commit.ts';

/** One input on which candidates behave differently, with what each candidate does. */
export interface Disagreement {
  /** Function name and file, relative to the repository. */
  functionName: string;
  path: string;
  exportPath: string[];
  args: EncodedValue[];
  input: string;
  outcomes: { candidate: string; outcome: CallOutcome; text: string }[];
}

interface Counterexample {
  input: string;
  args: EncodedValue[];
}

function counterexamplesOf(report: Awaited<ReturnType<typeof runCheck>>): { functionName: string; path: string; exportPath: string[]; example: Counterexample }[] {
  const evidence = [...report.changeEvidence, ...report.files.flatMap((file) => file.hunks.flatMap((hunk) => hunk.evidence))];
  const found = new Map<string, { functionName: string; path: string; exportPath: string[]; example: Counterexample }>();
  for (const item of evidence) {
    const data = item.data as { function?: string; exportPath?: string[]; counterexample?: Counterexample } | undefined;
    if (item.kind !== 'differential' || !data?.counterexample || !item.location) continue;
    const key = `${item.location.path}#${data.function}`;
    if (!found.has(key)) found.set(key, { functionName: data.function ?? '?', path: item.location.path, exportPath: data.exportPath ?? [], example: data.counterexample });
  }
  return [...found.values()];
}

/** Calls the function at `args` in every workspace. */
async function outcomesAt(workspaces: readonly CandidateWorkspace[], target: { path: string; exportPath: string[] }, args: EncodedValue[], callTimeoutMs: number) {
  return Promise.all(
    workspaces.map(async (workspace) => {
      const harness = createHarness({ cwd: workspace.root, callTimeoutMs });
      try {
        const module = path.join(workspace.root, target.path);
        const loaded = await harness.request({ op: 'load', module, path: target.exportPath });
        const outcome = loaded.kind === 'return' ? await harness.request({ op: 'call', module, path: target.exportPath, args }) : loaded;
        return { candidate: workspace.id, outcome, text: formatOutcome(outcome) };
      } finally {
        harness.close();
      }
    }),
  );
}

/**
 * Compares every other candidate with `leader` by differential testing (the leader's files as the base), and
 * for each function where some candidate differs, evaluates the first differing input on all candidates.
 */
export async function findDisagreements(
  leader: CandidateWorkspace,
  others: readonly CandidateWorkspace[],
  options: { timeoutMs: number; logger: Logger; signal?: AbortSignal; callTimeoutMs?: number },
): Promise<Disagreement[]> {
  if (others.length === 0) return [];
  const leaderCommit = await snapshotCommit(leader.root, `codewright: candidate ${leader.id}`, options.timeoutMs);
  const all = [leader, ...others];
  const disagreements = new Map<string, Disagreement>();
  for (const other of others) {
    const report = await runCheck(other.root, { base: leaderCommit, kinds: ['differential'], intent: 'refactor', timeoutMs: options.timeoutMs, logger: options.logger, signal: options.signal }).catch((error: unknown) => {
      options.logger.warn(`comparing candidates ${leader.id} and ${other.id} failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    });
    if (!report) continue;
    for (const found of counterexamplesOf(report)) {
      const key = `${found.path}#${found.functionName}`;
      if (disagreements.has(key)) continue;
      const outcomes = await outcomesAt(all, found, found.example.args, options.callTimeoutMs ?? 2000);
      if (new Set(outcomes.map((item) => item.text)).size < 2) continue;
      disagreements.set(key, { functionName: found.functionName, path: found.path, exportPath: found.exportPath, args: found.example.args, input: formatArguments(found.example.args), outcomes });
    }
  }
  return [...disagreements.values()];
}
