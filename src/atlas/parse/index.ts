/** The parse layer: turns source files into FileFacts, in this thread or on a worker pool. */
export { extractFacts } from './extract.ts';
export { grammarLanguage, grammarsFor } from './file-checks.ts';
export { grammarWasmPath, loadGrammar, loadGrammars, loadedGrammar } from './grammars.ts';
export type { Grammar } from './grammars.ts';
export { parseFile, parseFileSync } from './parse-file.ts';
export { createParsePool } from './pool.ts';
export type { ParsePool, ParsePoolOptions } from './pool.ts';
export type { ParseJob, ParseOptions, ParseOutcome } from './types.ts';
