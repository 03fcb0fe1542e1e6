/** The mutation evidence provider: small faults on the changed lines, and whether the covering tests notice. */
import type { Evidence } from '../../core/change.ts';
import type { CheckContext, EvidenceProvider } from '../types.ts';
import { hunkEvidence } from './evidence.ts';
import { makeMutants } from './make-mutants.ts';
import { runMutants } from './run-mutants.ts';
import { selectMutants } from './select-mutants.ts';
import type { MutationTestHooks } from './types.ts';
import { mutationHooksKey } from './types.ts';

/** Settings of mutation testing; every field has a default. */
export interface MutationOptions {
  /** Mutants run per check, spread over hunks (default 30). */
  maxMutants?: number;
  /** Limit of one test run with a mutant (default: three times the baseline run plus 3 s, at most the check's `timeoutMs`). */
  mutantTimeoutMs?: number;
  /** No mutant starts after this long (default 10 minutes); the rest are reported as not run. */
  totalTimeoutMs?: number;
}

/** True when `value` has the two functions of {@link MutationTestHooks}. */
export function isMutationTestHooks(value: unknown): value is MutationTestHooks {
  const hooks = value as Partial<MutationTestHooks> | undefined;
  return typeof hooks?.runTests === 'function' && typeof hooks.testFilesFor === 'function';
}

function everyHunk(context: CheckContext, message: string): Evidence[] {
  return [{ kind: 'mutation', status: 'unavailable', message, hunks: context.hunks.map((hunk) => hunk.id) }];
}

/** Mutation testing as an evidence provider of kind `mutation`; reads its test runner from `context.shared.get('mutation-hooks')`. */
export function createMutationProvider(options: MutationOptions = {}): EvidenceProvider {
  const cap = options.maxMutants ?? 30;
  return {
    specificationVersion: 'v1',
    kind: 'mutation',
    async doCheck(context) {
      const hooks = context.shared.get(mutationHooksKey);
      if (!isMutationTestHooks(hooks)) return everyHunk(context, 'no test runner to run mutants against');
      let made: Awaited<ReturnType<typeof makeMutants>>;
      try {
        made = await makeMutants(context.changeDir, context.hunks);
      } catch (error) {
        return everyHunk(context, `mutants could not be made: ${error instanceof Error ? error.message : String(error)}`);
      }
      const selected = selectMutants(made.mutants, cap);
      const results = await runMutants(selected, {
        dir: context.changeDir,
        hooks,
        mutantTimeoutMs: options.mutantTimeoutMs,
        maxTimeoutMs: context.timeoutMs,
        deadline: Date.now() + (options.totalTimeoutMs ?? 600_000),
        signal: context.signal,
      });
      context.logger.debug(`mutation: ${made.mutants.length} mutants, ${selected.length} run`);
      return context.hunks.map((hunk) =>
        hunkEvidence(
          hunk,
          results.filter((result) => result.mutant.hunkId === hunk.id),
          made.mutants.filter((mutant) => mutant.hunkId === hunk.id).length,
          made.reasons.get(hunk.id),
          cap,
        ),
      );
    },
  };
}
