/** Which language a file is in, from its name. */
import type { Language } from '../core/types.ts';

const byExtension: Record<string, Language> = {
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'tsx',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascript',
  '.py': 'python',
  '.pyi': 'python',
  '.java': 'java',
  '.go': 'go',
  '.rs': 'rust',
  '.c': 'c',
  '.h': 'c',
  '.cc': 'cpp',
  '.cpp': 'cpp',
  '.cxx': 'cpp',
  '.c++': 'cpp',
  '.hh': 'cpp',
  '.hpp': 'cpp',
  '.hxx': 'cpp',
  '.ipp': 'cpp',
};

export const supportedLanguages: readonly Language[] = [
  'typescript',
  'tsx',
  'javascript',
  'python',
  'java',
  'go',
  'rust',
  'c',
  'cpp',
];

/** The language of a path, or undefined when codewright does not parse it. */
export function languageOf(path: string): Language | undefined {
  const dot = path.lastIndexOf('.');
  if (dot < 0 || dot < path.lastIndexOf('/')) return undefined;
  return byExtension[path.slice(dot).toLowerCase()];
}

/** A coarse label for files codewright counts but does not parse (`.md` -> `markdown`). */
export function fileKindOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? base : base.slice(dot + 1).toLowerCase();
}

/** True for test files by the conventions of the supported languages. */
export function isTestPath(path: string): boolean {
  return (
    /(^|\/)(__tests__|tests?|spec|testing)\//.test(path) ||
    /\.(test|spec)\.[cm]?[jt]sx?$/.test(path) ||
    /(^|\/)test_[^/]+\.py$/.test(path) ||
    /_test\.(py|go)$/.test(path) ||
    /(Test|Tests|IT)\.java$/.test(path)
  );
}
