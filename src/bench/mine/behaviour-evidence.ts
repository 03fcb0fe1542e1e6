/** Whether a change preserves behaviour, by `check`'s tests and differential evidence against the base. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Evidence } from '../../core/change.ts';
import { createDifferentialProvider } from '../../evidence/differential/index.ts';
import { runCheck } from '../../evidence/run-check.ts';
import { createTestsProvider } from '../../evidence/tests/index.ts';

/** What the evidence says about behaviour. */
export interface BehaviourVerdict {
  /** true: evidence shows it preserved; false: a test or a comparison shows a difference; undefined: nothing could tell. */
  preserved: boolean | undefined;
  reason: string;
  measures: Record<string, number>;
}

function unique(evidence: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((item) => {
    const key = `${item.kind}\0${item.status}\0${item.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Runs `check` (tests and differential only, refactor intent) on `patch` against `base` in the repository at `worktree`. */
export async function behaviourVerdict(worktree: string, base: string, patch: string, options: { timeoutMs: number; signal?: AbortSignal }): Promise<BehaviourVerdict> {
  const folder = await mkdtemp(join(tmpdir(), 'codewright-refactor-'));
  try {
    const patchFile = join(folder, 'attempt.diff');
    await writeFile(patchFile, patch.endsWith('\n') ? patch : `${patch}\n`);
    const report = await runCheck(worktree, {
      base, patchFile, intent: 'refactor', timeoutMs: options.timeoutMs, providers: [createTestsProvider(), createDifferentialProvider()],
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const evidence = unique([...report.files.flatMap((file) => file.hunks.flatMap((hunk) => hunk.evidence)), ...report.changeEvidence]);
    const differential = evidence.filter((item) => item.kind === 'differential');
    const tests = evidence.filter((item) => item.kind === 'tests');
    const changed = differential.filter((item) => item.status === 'fail');
    const failing = tests.filter((item) => item.status === 'fail');
    const measures = {
      functionsCompared: differential.filter((item) => item.status === 'pass' || item.status === 'fail').length,
      behaviourChanges: changed.length,
      testFailures: failing.length,
      testPasses: tests.filter((item) => item.status === 'pass').length,
    };
    if (changed.length > 0 || failing.length > 0) {
      return { preserved: false, reason: [...changed, ...failing].slice(0, 2).map((item) => item.message).join('; '), measures };
    }
    if (measures.functionsCompared + measures.testPasses > 0) {
      return { preserved: true, reason: `behaviour preserved: ${measures.functionsCompared} functions compared with the base, ${measures.testPasses} passing test findings`, measures };
    }
    const unavailable = report.unavailable.map((item) => `${item.kind}: ${item.reason}`).slice(0, 2).join('; ');
    return { preserved: undefined, reason: `nothing could compare behaviour with the base${unavailable ? ` (${unavailable})` : ''}`, measures };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
