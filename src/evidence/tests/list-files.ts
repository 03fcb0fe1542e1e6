/** Lists the files of a worktree: tracked and untracked-but-not-ignored, as git sees them. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runProcess } from '../../core/process.ts';

const skippedFolders = new Set(['node_modules', '.git', '.codewright', '__pycache__', '.venv', 'venv', 'dist', 'build', 'coverage']);

async function walk(root: string, relative: string, into: string[], limit: number): Promise<void> {
  let entries;
  try {
    entries = await readdir(join(root, relative), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (into.length >= limit) return;
    const path = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory() && !skippedFolders.has(entry.name) && !entry.name.startsWith('.')) await walk(root, path, into, limit);
    else if (entry.isFile()) into.push(path);
  }
}

/** Relative paths (`/` separators) of the files in `dir`; falls back to a plain walk outside git. */
export async function listWorktreeFiles(dir: string, timeoutMs: number): Promise<string[]> {
  const result = await runProcess('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: dir, timeoutMs });
  if (result.code === 0 && !result.truncated) {
    return [...new Set(result.stdout.split('\0').filter((path) => path !== '' && !/(^|\/)node_modules\//.test(path)))];
  }
  const files: string[] = [];
  await walk(dir, '', files, 200_000);
  return files;
}
