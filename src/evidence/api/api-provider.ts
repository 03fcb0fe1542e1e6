/** The `api` evidence provider: every name a change newly imports, calls or accesses resolves in the repository or its installed dependencies. */
import type { Evidence } from '../../core/change.ts';
import { maxFailures } from '../build/diagnostic-evidence.ts';
import { changedFiles, hunkAt, hunkIdsOf } from '../build/hunk-lines.ts';
import type { CheckContext, EvidenceProvider } from '../types.ts';
import type { CheckedUse } from './api-outcome.ts';
import { checkPythonNames } from './check-python-names.ts';
import { checkTypeScriptNames } from './check-typescript-names.ts';
import { atlasNames } from './repository-names.ts';

/** Options of the API provider. */
export interface ApiProviderOptions {
  /** Interpreter for Python checks when the repository has no virtual environment (default `python3`). */
  python?: string;
}

const scriptFile = /\.(c|m)?(t|j)sx?$/;
const pythonFile = /\.py$/;

function located(context: CheckContext, use: CheckedUse, status: Evidence['status'], message: string, data?: Record<string, unknown>): Evidence {
  const hunk = hunkAt(context.hunks, use.path, use.line);
  return { kind: 'api', status, message, hunks: hunk ? [hunk.id] : [], location: { path: use.path, line: use.line }, ...(data ? { data } : {}) };
}

/** The pass (or unavailable) item of one hunk whose names all resolved or could not be judged. */
function hunkSummary(hunkId: string, uses: readonly CheckedUse[]): Evidence {
  const resolved = uses.filter((use) => use.outcome.status === 'resolved').length;
  const unchecked = uses.length - resolved;
  if (resolved === 0) {
    const names = unchecked === 1 ? 'the new name' : `any of ${unchecked} new names`;
    return { kind: 'api', status: 'unavailable', message: `could not check ${names} (untyped or not installed here)`, hunks: [hunkId] };
  }
  const names = resolved === 1 ? '1 new call or import resolves' : `all ${resolved} new calls and imports resolve`;
  const note = unchecked > 0 ? ` (${unchecked} more not checked: untyped or not installed here)` : '';
  return { kind: 'api', status: 'pass', message: `${names}${note}`, hunks: [hunkId], data: { resolved, unchecked } };
}

/** Turns checked uses into evidence: a failure per missing name, a warning per deprecated one, and per clean hunk one pass. */
function toEvidence(context: CheckContext, uses: readonly CheckedUse[]): Evidence[] {
  const evidence: Evidence[] = [];
  let missing = 0;
  const byHunk = new Map<string, CheckedUse[]>();
  for (const use of uses) {
    if (use.outcome.status === 'missing' && ++missing <= maxFailures) evidence.push(located(context, use, 'fail', use.outcome.message, use.outcome.data));
    if (use.outcome.status === 'resolved' && use.outcome.deprecation) evidence.push(located(context, use, 'warn', use.outcome.deprecation));
    const hunk = hunkAt(context.hunks, use.path, use.line);
    if (hunk) byHunk.set(hunk.id, [...(byHunk.get(hunk.id) ?? []), use]);
  }
  if (missing > maxFailures) evidence.push({ kind: 'api', status: 'fail', message: `… and ${missing - maxFailures} more unresolved names`, hunks: [] });
  for (const [hunkId, hunkUses] of byHunk) {
    if (hunkUses.some((use) => use.outcome.status === 'missing')) continue;
    evidence.push(hunkSummary(hunkId, hunkUses));
  }
  return evidence;
}

async function checkApi(context: CheckContext, options: ApiProviderOptions): Promise<Evidence[]> {
  const files = changedFiles(context.change).filter((file) => file.addedLines.size > 0);
  const scripts = files.filter((file) => scriptFile.test(file.path) && !file.path.endsWith('.d.ts'));
  const python = files.filter((file) => pythonFile.test(file.path));
  const uses: CheckedUse[] = [];
  const evidence: Evidence[] = [];
  if (scripts.length > 0) {
    try {
      uses.push(...checkTypeScriptNames(context.changeDir, scripts, context.atlas ? atlasNames(context.atlas) : undefined));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      evidence.push({ kind: 'api', status: 'unavailable', message: `the TypeScript compiler API failed: ${reason}`, hunks: hunkIdsOf(context.hunks, scripts.map((file) => file.path)) });
    }
  }
  if (python.length > 0) {
    const checked = await checkPythonNames(context, python, options.python ?? 'python3');
    if (checked.success) uses.push(...checked.value);
    else evidence.push({ kind: 'api', status: 'unavailable', message: checked.error, hunks: hunkIdsOf(context.hunks, python.map((file) => file.path)) });
  }
  return [...evidence, ...toEvidence(context, uses)];
}

/** Creates the API provider: `fail` per unresolved name with the installed version and close real names, `warn` per deprecated one. */
export function createApiProvider(options: ApiProviderOptions = {}): EvidenceProvider {
  return { specificationVersion: 'v1', kind: 'api', doCheck: (context) => checkApi(context, options) };
}
