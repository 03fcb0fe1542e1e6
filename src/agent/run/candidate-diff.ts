/** A candidate's change: its worktree against the run's base as one `git diff --binary`, made in a scratch index. */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { binaryAttributes, undecodablePaths } from '../../evidence/change/binary-attributes.ts';
import { parseDiff } from '../../evidence/change/parse-diff.ts';
import { withTemporaryIndex } from '../../evidence/change/temporary-index.ts';
import type { GitOptions } from '../../evidence/workspace/git.ts';
import { gitOutput } from '../../evidence/workspace/git.ts';
import { defaultGitTimeoutMs } from '../../evidence/workspace/repository.ts';
import type { CandidateWorkspace } from '../types.ts';
import { linkedDependencies } from './candidate-workspace.ts';

const diffArguments = [
  'diff', '--cached', '--binary', '--no-renames', '--no-color', '--no-ext-diff', '--no-textconv',
  '--src-prefix=a/', '--dst-prefix=b/', '--ignore-submodules=all', '--no-relative',
];

/**
 * The unified diff of everything the candidate changed against the run's base: edits, new files
 * (not ignored), deletions, mode changes and binary files, with no rename detection (a rename is
 * a deletion and a creation). `.codewright/` and the linked dependency folders are left out.
 * Text that is not UTF-8 comes as binary patches so the diff applies byte for byte. The
 * worktree's own index is not used. Empty text when nothing changed.
 */
export async function candidateDiff(workspace: CandidateWorkspace, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<string> {
  const timeoutMs = options.timeoutMs ?? defaultGitTimeoutMs;
  const excluded = ['.codewright', ...linkedDependencies(workspace)];
  return withTemporaryIndex(async (indexFile) => {
    const run: GitOptions = { cwd: workspace.root, timeoutMs, env: { GIT_INDEX_FILE: indexFile }, ...(options.signal ? { signal: options.signal } : {}) };
    await gitOutput(['read-tree', workspace.base], run);
    await gitOutput(['add', '-A', '--', ':/'], run);
    // Taken out afterwards: an exclude pathspec naming an ignored folder makes `git add` fail.
    await gitOutput(['rm', '-r', '-q', '--cached', '--ignore-unmatch', '--', ...excluded], { ...run, env: { ...run.env, GIT_LITERAL_PATHSPECS: '1' } });
    const diff = (extra: string[]) => gitOutput([...extra, ...diffArguments, workspace.base, '--'], { ...run, maxOutputBytes: 256 * 1024 * 1024 });
    const text = await diff([]);
    const parsed = parseDiff(text);
    const lossy = parsed.success ? undecodablePaths(parsed.value) : [];
    if (lossy.length === 0) return text;
    const attributes = join(dirname(indexFile), 'attributes');
    writeFileSync(attributes, binaryAttributes(lossy));
    return diff(['-c', `core.attributesFile=${attributes}`]);
  });
}
