/** A TypeScript program over a few files of a worktree, with options that read TS, JS and JSX (differential testing, mutants, agent tasks). */
import ts from 'typescript';

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2023,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2023.d.ts'],
  types: [],
  allowJs: true,
  checkJs: false,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  allowImportingTsExtensions: true,
  resolveJsonModule: true,
  jsx: ts.JsxEmit.Preserve,
};

/** Type information for `files` (absolute paths) and whatever they import. */
export function createProgram(files: readonly string[]): ts.Program {
  return ts.createProgram({ rootNames: [...files], options });
}
