/** Checks that a newly imported module resolves: typed, installed without types, a Node built-in, or a file that exists. */
import { existsSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, posix } from 'node:path';
import type ts from 'typescript';
import { findInstalledPackage } from '../build/installed-package.ts';
import { suggestionPhrase, type UseOutcome } from './api-outcome.ts';
import { rankSimilarNames } from './similar-names.ts';

const extensions = ['', '.ts', '.tsx', '.d.ts', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json'];

/** `@scope/name` or `name` of a bare specifier. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function fileExists(base: string): boolean {
  const candidates = [base, base.replace(/\.(m|c)?js(x?)$/, '.$1ts$2')];
  return candidates.some((candidate) => extensions.some((extension) => existsSync(candidate + extension) || existsSync(join(candidate, `index${extension || '.js'}`))));
}

function closeFiles(folder: string, missing: string): string {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return '';
  }
  const stem = (name: string) => name.replace(/\.[^.]*$/, '');
  const ranked = rankSimilarNames(
    stem(missing),
    names.map((name) => ({ name: stem(name), file: name })),
  );
  return suggestionPhrase(ranked.map((entry) => ({ shown: `./${entry.file}` })));
}

/**
 * Resolves the module of `specifier` written in `file` (a worktree file name); `worktree` bounds the node_modules
 * search. A `require()` or `import()` of a package that is not installed is often an optional dependency inside a
 * `try`, so it is not judged; a static import of one, or of a file that does not exist, is.
 */
export function checkModule(checker: ts.TypeChecker, specifier: ts.StringLiteralLike, file: string, worktree: string, dynamic = false): UseOutcome {
  if (checker.getSymbolAtLocation(specifier)) return { status: 'resolved' };
  const name = specifier.text;
  if (name.startsWith('node:') || builtinModules.includes(name)) return { status: 'resolved' };
  if (name.startsWith('.') || name.startsWith('/')) {
    const target = posix.resolve(dirname(file), name);
    if (fileExists(target)) return { status: 'unchecked', reason: `${name} has no types` };
    const suggestions = closeFiles(dirname(target), posix.basename(name));
    return { status: 'missing', message: `imports \`${name}\`, which does not exist${suggestions}`, data: { module: name } };
  }
  const installed = findInstalledPackage(dirname(file), packageName(name), worktree);
  if (installed) return { status: 'unchecked', reason: `${installed.name} ${installed.version} has no types for ${name}` };
  if (dynamic) return { status: 'unchecked', reason: `${name} is loaded dynamically and not installed (an optional dependency?)` };
  return { status: 'missing', message: `imports \`${name}\`, which is not installed (no node_modules/${packageName(name)})`, data: { module: name } };
}
