/** Loads the tree-sitter runtime and each language's grammar (and extraction rules) once per thread, lazily. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Language as TreeSitterLanguage, Parser } from 'web-tree-sitter';
import { CodewrightError } from '../../core/errors.ts';
import type { Language } from '../../core/types.ts';
import { loadRules } from './rules/index.ts';

/** A loaded grammar: the tree-sitter language and a parser bound to it. */
export interface Grammar {
  language: Language;
  treeSitterLanguage: TreeSitterLanguage;
  parser: Parser;
}

const requireFromHere = createRequire(import.meta.url);

// The npm package and the `.wasm` file inside it that hold each grammar.
const grammarFiles: Record<Language, { packageName: string; wasm: string }> = {
  typescript: { packageName: 'tree-sitter-typescript', wasm: 'tree-sitter-typescript.wasm' },
  tsx: { packageName: 'tree-sitter-typescript', wasm: 'tree-sitter-tsx.wasm' },
  javascript: { packageName: 'tree-sitter-javascript', wasm: 'tree-sitter-javascript.wasm' },
  python: { packageName: 'tree-sitter-python', wasm: 'tree-sitter-python.wasm' },
  java: { packageName: 'tree-sitter-java', wasm: 'tree-sitter-java.wasm' },
  go: { packageName: 'tree-sitter-go', wasm: 'tree-sitter-go.wasm' },
  rust: { packageName: 'tree-sitter-rust', wasm: 'tree-sitter-rust.wasm' },
  c: { packageName: 'tree-sitter-c', wasm: 'tree-sitter-c.wasm' },
  cpp: { packageName: 'tree-sitter-cpp', wasm: 'tree-sitter-cpp.wasm' },
};

let runtime: Promise<void> | undefined;
const loading = new Map<Language, Promise<Grammar>>();
const loaded = new Map<Language, Grammar>();

/** The absolute path of a language's `.wasm` grammar inside its npm package. */
export function grammarWasmPath(language: Language): string {
  if (!Object.hasOwn(grammarFiles, language)) {
    throw new CodewrightError({
      code: 'INVALID_ARGUMENT',
      message: `No grammar for language "${language}". Use one of: ${Object.keys(grammarFiles).join(', ')}.`,
      data: { language },
    });
  }
  const { packageName, wasm } = grammarFiles[language];
  return join(dirname(requireFromHere.resolve(`${packageName}/package.json`)), wasm);
}

/**
 * Loads a grammar, and the language's extraction rules (and the runtime on first use); later calls
 * return the same grammar.
 */
export function loadGrammar(language: Language): Promise<Grammar> {
  let pending = loading.get(language);
  if (!pending) {
    pending = doLoadGrammar(language);
    loading.set(language, pending);
    // A failed load may be retried later rather than cached forever.
    pending.catch(() => loading.delete(language));
  }
  return pending;
}

/** Loads several grammars at once. */
export async function loadGrammars(languages: Iterable<Language>): Promise<void> {
  await Promise.all([...new Set(languages)].map((language) => loadGrammar(language)));
}

/** The grammar if `loadGrammar` has finished for it, else undefined. */
export function loadedGrammar(language: Language): Grammar | undefined {
  return loaded.get(language);
}

/** The loaded grammar; throws when `loadGrammar` has not completed for the language. */
export function requireGrammar(language: Language): Grammar {
  const grammar = loaded.get(language);
  if (grammar) return grammar;
  throw new CodewrightError({
    code: 'INTERNAL',
    message: `The ${language} grammar is not loaded. Call \`await loadGrammar('${language}')\` before extracting facts.`,
    data: { language },
  });
}

/** Loads the tree-sitter runtime (once per thread), which every grammar needs. */
export function loadRuntime(): Promise<void> {
  runtime ??= Parser.init();
  return runtime;
}

async function doLoadGrammar(language: Language): Promise<Grammar> {
  const rules = loadRules(language);
  rules.catch(() => {}); // awaited below, unless the grammar fails first
  await loadRuntime();
  let treeSitterLanguage: TreeSitterLanguage;
  const path = grammarWasmPath(language);
  try {
    treeSitterLanguage = await TreeSitterLanguage.load(path);
  } catch (cause) {
    throw new CodewrightError({
      code: 'PARSE_FAILED',
      message: `Could not load the ${language} grammar from ${path}. Reinstall dependencies with \`npm install\`.`,
      data: { language, path },
      cause,
    });
  }
  await rules;
  const parser = new Parser();
  parser.setLanguage(treeSitterLanguage);
  const grammar: Grammar = { language, treeSitterLanguage, parser };
  loaded.set(language, grammar);
  return grammar;
}
