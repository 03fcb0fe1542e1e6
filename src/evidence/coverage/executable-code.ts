/** The lines of a source file that can execute: code lines by text, minus TypeScript type-only statements. */
import { codeLines } from './executable-lines.ts';
import { typeOnlyLines } from './type-only-lines.ts';

/** 1-based executable lines of `source` (at `path`, whose extension decides the language). */
export async function executableLines(path: string, source: string): Promise<Set<number>> {
  const code = codeLines(path, source);
  for (const line of await typeOnlyLines(path, source)) code.delete(line);
  return code;
}
