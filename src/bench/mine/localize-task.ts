/** Turns a fix commit into a localization task: its message is the request, the code files it changed (that existed before) are the answer. */
import { git } from '../../evidence/workspace/git.ts';
import type { BenchTask } from '../task-schema.ts';
import type { MinedCommit } from './mined-task.ts';
import { minedTask } from './mined-task.ts';
import type { Verification } from './verify-fix.ts';

/** Commits touching more code files than this are sweeping changes, not one problem to find. */
const maxFiles = 10;

/** The task, or why there is none: files the commit created cannot be found before it exists. */
export async function localizeTask(mined: MinedCommit, codePaths: readonly string[], patch: string, timeoutMs: number): Promise<Verification> {
  if (codePaths.length > maxFiles) return { reason: `the fix changes ${codePaths.length} code files (more than ${maxFiles})` };
  const listing = await git(['ls-tree', '-r', '-z', '--name-only', mined.parent, '--', ...codePaths], { cwd: mined.topLevel, timeoutMs });
  const existing = new Set(listing.stdout.split('\0'));
  const expectedFiles = codePaths.filter((path) => existing.has(path));
  if (expectedFiles.length === 0) return { reason: 'the fix only adds new code files: there is nothing to find before it' };
  const task: BenchTask = await minedTask(mined, {
    kind: 'localize',
    patch,
    codePaths: expectedFiles,
    scoring: { expectedFiles, reference: expectedFiles.join('\n') },
  });
  return { task };
}
