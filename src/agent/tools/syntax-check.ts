/** Parses a file's text with tree-sitter to tell whether an edit introduced a syntax error, and where. */
import { languageOf } from '../../atlas/languages.ts';
import { grammarLanguage, grammarsFor } from '../../atlas/parse/file-checks.ts';
import { loadGrammars, requireGrammar } from '../../atlas/parse/grammars.ts';
import { syntaxErrorLines } from '../../atlas/parse/syntax-errors.ts';

/** The lines of syntax errors in `text`, or undefined when codewright has no grammar for the file. */
export async function syntaxErrorsOf(path: string, text: string): Promise<number[] | undefined> {
  const language = languageOf(path);
  if (!language) return undefined;
  try {
    await loadGrammars(grammarsFor(path, language));
  } catch {
    return undefined;
  }
  const tree = requireGrammar(grammarLanguage(path, language, text)).parser.parse(text);
  if (!tree) return undefined;
  try {
    return tree.rootNode.hasError ? syntaxErrorLines(tree.rootNode, 50) : [];
  } finally {
    tree.delete();
  }
}

/** Numbered lines around `line`, the line itself marked with `>`. */
export function snippetAround(text: string, line: number, context = 2): string {
  const lines = text.split('\n');
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let number = first; number <= last; number++) {
    out.push(`${number === line ? '>' : ' '} ${String(number).padStart(width)}  ${lines[number - 1] ?? ''}`);
  }
  return out.join('\n');
}

/**
 * When `after` has syntax errors that `before` did not (more error sites, or some where there were
 * none), the first new error line (preferring one inside `changed`, 1-based new-file lines);
 * otherwise undefined. Unsupported languages are never refused.
 */
export async function introducedSyntaxError(
  path: string,
  before: string | undefined,
  after: string,
  changed: { start: number; end: number },
): Promise<number | undefined> {
  const afterErrors = await syntaxErrorsOf(path, after);
  if (!afterErrors || afterErrors.length === 0) return undefined;
  const beforeErrors = before === undefined ? [] : ((await syntaxErrorsOf(path, before)) ?? []);
  if (afterErrors.length <= beforeErrors.length && beforeErrors.length > 0) return undefined;
  const near = afterErrors.find((line) => line >= changed.start - 2 && line <= changed.end + 2);
  return near ?? afterErrors.find((line) => !beforeErrors.includes(line)) ?? afterErrors[0];
}
