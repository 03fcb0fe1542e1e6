/** The deterministic rules that turn a hunk's evidence into a verdict and a one-line reason (docs/verdicts.md). */
import type { Evidence, EvidenceKind, Hunk, Verdict } from '../../core/change.ts';

/** Verdicts from worst to best; the exit code and `--fail-on` use this order. */
export const verdictOrder: readonly Verdict[] = ['broken', 'suspicious', 'unverified', 'likely', 'verified'];

/** Kinds whose failure means the change is broken: it does not build or it breaks a test. */
const breakingKinds: ReadonlySet<EvidenceKind> = new Set(['build', 'tests']);

/** True when the hunk only touches text that no check applies to (docs, data, config). */
export function isCodeHunk(hunk: Hunk): boolean {
  return /\.(c|cc|cpp|cxx|h|hh|hpp|java|go|rs|py|pyi|[cm]?[jt]sx?)$/.test(hunk.path);
}

function find(evidence: readonly Evidence[], kind: EvidenceKind, status: Evidence['status']): Evidence | undefined {
  return evidence.find((item) => item.kind === kind && item.status === status);
}

/**
 * Rules, first match wins:
 * 1. broken: a build or test failure (new type error, syntax error, newly failing test).
 * 2. suspicious: any other failure (unresolved API, new lint error, behaviour difference under a refactor,
 *    a test that wrote outside its worktree).
 * 3. unverified: a fix or feature whose reaching tests all pass before and after (none fails on the base,
 *    the change's own tests included): nothing shows it changes what it claims to.
 * 4. verified: tests reach the hunk and pass, its changed lines are executed, and either every mutant
 *    is killed or generated inputs behave as before; no coverage or mutation weakness.
 * 5. unverified: tests execute the lines but every mutant of them survives: no test checks what they do.
 * 6. likely: tests reach the hunk and pass and execute its lines, but some mutants survive or none could
 *    run; or, with no test, differential testing shows identical behaviour.
 * 7. unverified: anything else (no test executes the lines, no test reaches them, no check applies).
 */
export function decideVerdict(hunk: Hunk, evidence: readonly Evidence[]): { verdict: Verdict; reason: string } {
  const failure = evidence.find((item) => item.status === 'fail' && breakingKinds.has(item.kind));
  if (failure) return { verdict: 'broken', reason: failure.message };
  const suspicious = evidence.find((item) => item.status === 'fail');
  if (suspicious) return { verdict: 'suspicious', reason: suspicious.message };
  if (!isCodeHunk(hunk)) return { verdict: 'unverified', reason: 'no check applies to this file (not code)' };
  const testsPass = find(evidence, 'tests', 'pass');
  const covered = find(evidence, 'coverage', 'pass');
  const uncovered = find(evidence, 'coverage', 'warn');
  const killed = find(evidence, 'mutation', 'pass');
  const survived = find(evidence, 'mutation', 'warn');
  const same = find(evidence, 'differential', 'pass');
  const undemonstrated = evidence.find((item) => item.kind === 'tests' && item.status === 'warn' && item.data?.undemonstrated === true);
  if (testsPass && undemonstrated) return { verdict: 'unverified', reason: undemonstrated.message };
  const proofs = [testsPass, covered, killed, same].filter((item): item is Evidence => item !== undefined).map((item) => item.message);
  if (testsPass && covered && !uncovered && !survived && (killed || same)) return { verdict: 'verified', reason: proofs.join(', ') };
  if (testsPass && covered && !uncovered && survived && survived.data?.killed === 0) {
    return { verdict: 'unverified', reason: `no test checks what these lines do: tests execute them, but ${survived.message}` };
  }
  if (testsPass && covered && !uncovered) {
    const notRun = find(evidence, 'mutation', 'unavailable');
    const weakness = survived?.message ?? (notRun ? `mutation testing did not run (${notRun.message})` : 'mutation testing did not run');
    return { verdict: 'likely', reason: `${proofs.join(', ')}; but ${weakness}` };
  }
  if (same && !testsPass) return { verdict: 'likely', reason: `${same.message}; no test reaches this hunk` };
  if (testsPass && !covered && !uncovered) return { verdict: 'unverified', reason: `${testsPass.message}, but whether they execute its lines was not measured` };
  const gap = uncovered ?? find(evidence, 'tests', 'warn') ?? evidence.find((item) => item.status === 'unavailable');
  return { verdict: 'unverified', reason: gap?.message ?? 'no evidence about this hunk' };
}

/** The exit code for a set of verdicts: 1 when any is at or below `failOn`, else 0. */
export function exitCodeFor(verdicts: readonly Verdict[], failOn: Verdict = 'suspicious'): number {
  const threshold = verdictOrder.indexOf(failOn);
  return verdicts.some((verdict) => verdictOrder.indexOf(verdict) <= threshold) ? 1 : 0;
}
