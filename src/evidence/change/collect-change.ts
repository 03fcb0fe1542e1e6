/** Collects the change to check: the working tree against a base, or a patch file, without writing the user's index. */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Change } from '../../core/change.ts';
import { CodewrightError } from '../../core/errors.ts';
import { addAllButData, git, gitError, gitOutput } from '../workspace/git.ts';
import type { GitOptions } from '../workspace/git.ts';
import { defaultGitTimeoutMs, gitPath, repositoryTopLevel, resolveCommit } from '../workspace/repository.ts';
import { describeApplyFailure } from './apply-failure.ts';
import { binaryAttributes, undecodablePaths } from './binary-attributes.ts';
import { parseDiff } from './parse-diff.ts';
import { withTemporaryIndex } from './temporary-index.ts';

/** What to check. */
export interface CollectChangeOptions {
  /** The revision to compare against (default `HEAD`). */
  base?: string;
  /** A unified diff to check instead of the working tree (absolute, or relative to `root`). */
  patchFile?: string;
  /** Time limit of each git command, ms (default 120 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

// git diff output is read whole; past this the change is too large to check.
const maxDiffBytes = 256 * 1024 * 1024;

const diffArguments = [
  'diff', '--cached', '--binary', '-M', '--no-color', '--no-ext-diff', '--no-textconv',
  '--src-prefix=a/', '--dst-prefix=b/', '--ignore-submodules=all', '--no-relative',
];

// assume-unchanged is a speed hint, not a way to hide edits: clear it so `git add -A` sees every change.
async function clearAssumeUnchanged(run: GitOptions): Promise<void> {
  const listing = await gitOutput(['ls-files', '-v', '-z'], { ...run, maxOutputBytes: maxDiffBytes });
  const hidden = listing.split('\0').filter((entry) => /^[a-z] /.test(entry)).map((entry) => entry.slice(2));
  if (hidden.length > 0) await gitOutput(['update-index', '--no-assume-unchanged', '-z', '--stdin'], { ...run, input: `${hidden.join('\0')}\0` });
}

async function diffWorkingTree(topLevel: string, base: string, options: CollectChangeOptions): Promise<string> {
  const timeoutMs = options.timeoutMs ?? defaultGitTimeoutMs;
  const userIndex = await gitPath(topLevel, 'index', timeoutMs);
  return withTemporaryIndex(async (indexFile, seeded) => {
    const run: GitOptions = { cwd: topLevel, timeoutMs, env: { GIT_INDEX_FILE: indexFile }, ...(options.signal ? { signal: options.signal } : {}) };
    // Without an index to copy, start from HEAD so tracked files that match .gitignore stay tracked.
    if (!seeded) await git(['read-tree', 'HEAD'], run);
    await clearAssumeUnchanged(run);
    await addAllButData(run);
    const diff = (extra: string[]) => gitOutput([...extra, ...diffArguments, base, '--'], { ...run, maxOutputBytes: maxDiffBytes });
    const text = await diff([]);
    const parsed = parseDiff(text);
    const lossy = parsed.success ? undecodablePaths(parsed.value) : [];
    if (lossy.length === 0) return text;
    const attributes = join(dirname(indexFile), 'attributes');
    writeFileSync(attributes, binaryAttributes(lossy));
    return diff(['-c', `core.attributesFile=${attributes}`]);
  }, userIndex);
}

function readPatchText(root: string, patchFile: string): string {
  const path = resolve(root, patchFile);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new CodewrightError({
      code: 'NOT_FOUND',
      message: `Cannot read the patch file ${path} (${code}). Give the path of a unified diff, e.g. made with \`git diff > change.diff\`.`,
      data: { patchFile: path },
      cause: error,
    });
  }
}

async function readPatch(root: string, topLevel: string, base: string, baseName: string, options: CollectChangeOptions & { patchFile: string }): Promise<Change> {
  const text = readPatchText(root, options.patchFile);
  const parsed = parseDiff(text, { base });
  if (!parsed.success) {
    const { message, ...where } = parsed.error;
    throw new CodewrightError({ code: 'PARSE_FAILED', message: `${options.patchFile}: ${message}`, data: { patchFile: options.patchFile, ...where } });
  }
  if (parsed.value.files.length === 0) return parsed.value;
  const timeoutMs = options.timeoutMs ?? defaultGitTimeoutMs;
  await withTemporaryIndex(async (indexFile) => {
    const run: GitOptions = { cwd: topLevel, timeoutMs, env: { GIT_INDEX_FILE: indexFile }, ...(options.signal ? { signal: options.signal } : {}) };
    await gitOutput(['read-tree', base], run);
    const args = ['apply', '--check', '--cached', '--whitespace=nowarn', '-'];
    const result = await git(args, { ...run, input: text });
    if (result.timedOut || result.spawnError) throw gitError(args, result);
    if (result.code !== 0) {
      const failure = describeApplyFailure(result.stderr, parsed.value, baseName);
      throw new CodewrightError({
        code: 'INVALID_ARGUMENT',
        message: `${options.patchFile}: ${failure.message}`,
        data: { patchFile: options.patchFile, base, stderr: result.stderr.trim(), ...(failure.file ? { file: failure.file } : {}), ...(failure.hunk ? { hunk: failure.hunk } : {}) },
      });
    }
  });
  return parsed.value;
}

/**
 * The change to check, as a parsed diff whose `base` is the full commit id:
 * - by default, the working tree (staged, unstaged and untracked files that are not ignored,
 *   binary files included) against `base` (default HEAD), staged in a temporary index so the
 *   user's `.git/index` and files stay byte-for-byte unchanged; text files that are not UTF-8
 *   come as binary patches, so that the patch stays exact;
 * - with `patchFile`, that patch, checked with `git apply --check` against the base.
 * An empty change has no files. Throws CodewrightError: INVALID_ARGUMENT outside a git repository,
 * for an unknown base, or for a patch that does not apply (naming file and hunk); NOT_FOUND for a
 * missing patch file; PARSE_FAILED for a malformed patch.
 */
export async function collectChange(root: string, options: CollectChangeOptions = {}): Promise<Change> {
  const timeoutMs = options.timeoutMs ?? defaultGitTimeoutMs;
  const topLevel = await repositoryTopLevel(root, timeoutMs);
  const baseName = options.base ?? 'HEAD';
  const base = await resolveCommit(topLevel, baseName, timeoutMs);
  if (options.patchFile !== undefined) return readPatch(resolve(root), topLevel, base, baseName, { ...options, patchFile: options.patchFile });
  const text = await diffWorkingTree(topLevel, base, options);
  const parsed = parseDiff(text, { base });
  if (!parsed.success) {
    throw new CodewrightError({ code: 'INTERNAL', message: `codewright could not read git's own diff: ${parsed.error.message}. Please report this with the output of \`git diff HEAD\`.`, data: { ...parsed.error } });
  }
  return parsed.value;
}
