/** The Python half of the build evidence: changed files compile, new syntax errors only. */
import { existsSync } from 'node:fs';
import type { Evidence } from '../../core/change.ts';
import type { CheckContext } from '../types.ts';
import { diagnosticKey, failuresFor } from './diagnostic-evidence.ts';
import type { ChangedFile } from './hunk-lines.ts';
import { hunkIdsOf } from './hunk-lines.ts';
import { introducedFindings } from './new-findings.ts';
import { pythonSyntaxErrors } from './python-compile.ts';

/** Compiles the changed Python files in both worktrees and reports the syntax errors the change adds. */
export async function checkPython(context: CheckContext, files: ChangedFile[], python: string): Promise<Evidence[]> {
  const paths = files.map((file) => file.path);
  const hunks = hunkIdsOf(context.hunks, paths);
  const oldPaths = files.flatMap((file) => (file.oldPath !== null && existsSync(`${context.baseDir}/${file.oldPath}`) ? [file.oldPath] : []));
  const options = { python, timeoutMs: context.timeoutMs, signal: context.signal };
  const [base, changed] = await Promise.all([pythonSyntaxErrors(context.baseDir, oldPaths, options), pythonSyntaxErrors(context.changeDir, paths, options)]);
  if (!changed.success) return [{ kind: 'build', status: 'unavailable', message: changed.error, hunks }];
  if (!base.success) return [{ kind: 'build', status: 'unavailable', message: `${base.error} (base revision)`, hunks }];
  const keyed = (list: typeof changed.value) => list.map((diagnostic) => ({ ...diagnostic, key: diagnosticKey(diagnostic) }));
  const introduced = introducedFindings(keyed(base.value), keyed(changed.value), context.change);
  if (introduced.length > 0) return failuresFor('build', 'Python', introduced, context.hunks);
  const count = paths.length === 1 ? paths[0] : `${paths.length} files`;
  return [{ kind: 'build', status: 'pass', message: `compiles with ${python} (${count})`, hunks }];
}
