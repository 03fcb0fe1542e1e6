/** Turns one source file into FileFacts with the language's loaded grammar. */
import { CodewrightError } from '../../core/errors.ts';
import type { Language } from '../../core/types.ts';
import type { FileFacts } from '../facts.ts';
import { compileRules } from './compiled-rules.ts';
import { requireGrammar } from './grammars.ts';
import { rulesFor } from './rules/index.ts';
import { syntaxErrorLines } from './syntax-errors.ts';
import { FactWalker } from './walker.ts';

/**
 * Parses `source` and extracts its definitions, references, imports and comments. Syntax errors
 * never throw: the facts are partial and `hasErrors` / `errorLines` say where. The grammar must be
 * loaded first (`await loadGrammar(language)`).
 */
export function extractFacts(path: string, language: Language, source: string, lineStarts?: number[]): FileFacts {
  const grammar = requireGrammar(language);
  const compiled = compileRules(grammar.treeSitterLanguage, rulesFor(language));
  const tree = grammar.parser.parse(source);
  if (!tree) {
    throw new CodewrightError({ code: 'PARSE_FAILED', message: `tree-sitter returned no tree for ${path}.`, data: { path, language } });
  }
  try {
    const result = new FactWalker(source, compiled, lineStarts).walk(tree);
    const root = tree.rootNode;
    const hasErrors = root.hasError;
    return {
      path,
      language,
      symbols: result.symbols,
      references: result.references,
      imports: result.imports,
      comments: result.comments,
      lines: source.length === 0 ? 0 : result.lines.lineCount(source.length),
      hasErrors,
      errorLines: hasErrors ? syntaxErrorLines(root) : [],
    };
  } finally {
    tree.delete();
  }
}
