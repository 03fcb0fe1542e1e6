/** Per-hunk mutation evidence: how many mutants the tests killed, and which survived. */
import type { Evidence, Hunk } from '../../core/change.ts';
import { describeMutant } from './describe.ts';
import type { MutantResult } from './types.ts';

const counted = new Set(['killed', 'timeout', 'survived']);

function unavailable(hunk: Hunk, message: string, data: Record<string, unknown> = {}): Evidence {
  return { kind: 'mutation', status: 'unavailable', message, hunks: [hunk.id], data };
}

function mutantData(result: MutantResult): Record<string, unknown> {
  const { mutant } = result;
  return {
    path: mutant.path,
    line: mutant.line,
    column: mutant.column,
    operator: mutant.operator,
    original: mutant.original,
    replacement: mutant.replacement,
    status: result.status,
    testFiles: result.testFiles,
    details: result.details.slice(0, 5),
    milliseconds: result.milliseconds,
  };
}

/** The reason a hunk's mutants could not be judged, from the most telling result. */
function whyNotJudged(results: readonly MutantResult[]): string {
  if (results.every((result) => result.status === 'no-tests')) return 'no test covers the changed lines to run mutants against';
  const error = results.find((result) => result.status === 'error');
  if (error) return `mutants could not be judged: ${error.details[0] ?? 'the test run failed'}`;
  return 'the time for mutation testing ran out (about twice a run of the covering tests, at least a minute)';
}

/** Evidence for one hunk from its mutants' results; `generated` counts its mutants before the cap. */
export function hunkEvidence(hunk: Hunk, results: readonly MutantResult[], generated: number, reason: string | undefined, cap: number): Evidence {
  if (generated === 0) return unavailable(hunk, reason ?? 'nothing to mutate on the changed lines');
  if (results.length === 0) return unavailable(hunk, `not mutated: the cap of ${cap} mutants went to other hunks`, { generated });
  const judged = results.filter((result) => counted.has(result.status));
  const data = { generated, mutants: results.map(mutantData) };
  if (judged.length === 0) return unavailable(hunk, whyNotJudged(results), data);
  const survivors = judged.filter((result) => result.status === 'survived');
  const total = `${judged.length} mutant${judged.length === 1 ? '' : 's'}`;
  const unjudged = results.filter((result) => !counted.has(result.status));
  const rest = unjudged.length > 0 ? ` (${unjudged.length} more not judged: ${whyNotJudged(unjudged)})` : '';
  if (survivors.length === 0) return { kind: 'mutation', status: 'pass', message: `${judged.length} of ${total} killed${rest}`, hunks: [hunk.id], data };
  const list = survivors.map((result) => describeMutant(result.mutant)).join('; ');
  const first = survivors[0]!.mutant;
  return {
    kind: 'mutation',
    status: 'warn',
    message: `${survivors.length} of ${total} survived: ${list}${rest}`,
    hunks: [hunk.id],
    location: { path: first.path, line: first.line },
    data: { ...data, killed: judged.length - survivors.length, survived: survivors.length },
  };
}
