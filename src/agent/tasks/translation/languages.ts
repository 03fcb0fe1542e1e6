/** The languages translate reads and writes, and the naming rule of a translation's file. */
import path from 'node:path';

/** A language codewright can run on both sides of a translation. */
export type SourceLanguage = 'javascript' | 'typescript' | 'python';

const aliases: Record<string, SourceLanguage> = {
  javascript: 'javascript',
  js: 'javascript',
  typescript: 'typescript',
  ts: 'typescript',
  python: 'python',
  py: 'python',
  python3: 'python',
};

const extensions: Record<SourceLanguage, string> = { javascript: '.js', typescript: '.ts', python: '.py' };

/** `TypeScript`, `ts` → `typescript`; undefined for a language translate does not support. */
export function parseLanguage(text: string | undefined): SourceLanguage | undefined {
  return text === undefined ? undefined : aliases[text.trim().toLowerCase()];
}

/** The language of a file by its extension. */
export function languageOfPath(file: string): SourceLanguage | undefined {
  const extension = path.extname(file).toLowerCase();
  if (['.js', '.mjs', '.cjs'].includes(extension)) return 'javascript';
  if (['.ts', '.mts', '.cts'].includes(extension)) return 'typescript';
  if (extension === '.py') return 'python';
  return undefined;
}

/** The file of the translation, next to the source with the target's extension: `foo.js` → `foo.ts`, `foo.py` → `foo.ts`, `foo.ts` → `foo.py`. */
export function targetPathFor(source: string, language: SourceLanguage): string {
  const extension = path.posix.extname(source);
  return `${source.slice(0, source.length - extension.length)}${extensions[language]}`;
}

/** Where the project's runner would look for tests of `target`, as a hint to the model. */
export function testPathHint(target: string, language: SourceLanguage): string {
  const directory = path.posix.dirname(target);
  const stem = path.posix.basename(target, path.posix.extname(target));
  if (language === 'python') return path.posix.join(directory, `test_${stem}.py`);
  return path.posix.join(directory, `${stem}.test${extensions[language]}`);
}
