/** Tags a repository task by its reference patch: scope from the files and hunks touched, complexity from its size, language from extensions. */
import type { BenchTask } from '../../task-schema.ts';
import { patchFiles } from './patch-files.ts';

/** The taxonomy tags a patch implies. */
export interface PatchTags {
  scope: BenchTask['scope'];
  complexity: BenchTask['complexity'];
  language: string;
}

const languages: [RegExp, string][] = [
  [/\.(ts|tsx|mts|cts)$/, 'typescript'],
  [/\.(js|jsx|mjs|cjs)$/, 'javascript'],
  [/\.pyi?$/, 'python'],
  [/\.java$/, 'java'],
  [/\.go$/, 'go'],
  [/\.rs$/, 'rust'],
  [/\.(cc|cpp|cxx|hpp|hh)$/, 'cpp'],
  [/\.[ch]$/, 'c'],
];

/** The language most of the patch's files are written in; TypeScript wins over JavaScript on a tie. */
export function languageOfPaths(paths: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const path of paths) {
    const language = languages.find(([pattern]) => pattern.test(path))?.[1];
    if (language) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [language, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = language;
  return best;
}

function folderOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

/**
 * Scope: one hunk in one file is `function`, files in one folder (at most three) are `unit`, the rest
 * `project`. Complexity: up to 10 changed lines is `low`, up to 60 `medium`, more `high`.
 */
export function tagsFromPatch(patch: string, fallbackLanguage = 'unknown'): PatchTags {
  const files = patchFiles(patch);
  const hunks = files.reduce((sum, file) => sum + file.hunks, 0);
  const lines = files.reduce((sum, file) => sum + file.added + file.removed, 0);
  const folders = new Set(files.map((file) => folderOf(file.path)));
  const scope = files.length <= 1 && hunks <= 1 ? 'function' : files.length <= 3 && folders.size === 1 ? 'unit' : 'project';
  const complexity = lines <= 10 ? 'low' : lines <= 60 ? 'medium' : 'high';
  return { scope, complexity, language: languageOfPaths(files.map((file) => file.path)) ?? fallbackLanguage };
}
