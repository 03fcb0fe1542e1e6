/** The changed files of one language that gained lines, with their text and executable lines, from the change worktree. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Hunk } from '../../core/change.ts';
import { testLanguageOf } from '../tests/plan-tests.ts';
import type { TestRunner } from '../tests/types.ts';
import { executableLines } from './executable-code.ts';
import { addedLines } from './hunk-coverage.ts';

/** A changed file as coverage needs it. */
export interface ChangedSource {
  source: string;
  executable: Set<number>;
  hunks: Hunk[];
}

/** Relative path -> source, for the files of `language` whose hunks add lines. */
export async function changedSources(dir: string, hunks: readonly Hunk[], language: TestRunner['language']): Promise<Map<string, ChangedSource>> {
  const sources = new Map<string, ChangedSource>();
  for (const hunk of hunks) {
    if (testLanguageOf(hunk.path) !== language || addedLines(hunk).length === 0) continue;
    const known = sources.get(hunk.path);
    if (known) {
      known.hunks.push(hunk);
      continue;
    }
    const source = await readFile(join(dir, hunk.path), 'utf8').catch(() => undefined);
    if (source !== undefined) sources.set(hunk.path, { source, executable: await executableLines(hunk.path, source), hunks: [hunk] });
  }
  return sources;
}
