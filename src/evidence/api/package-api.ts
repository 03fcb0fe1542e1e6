/** `api_lookup`: what the installed version of a JavaScript/TypeScript dependency exports, with signatures. */
import { readdirSync, realpathSync } from 'node:fs';
import { join, relative } from 'node:path';
import type ts from 'typescript';
import { CodewrightError } from '../../core/errors.ts';
import { findInstalledPackage, type InstalledPackage } from '../build/installed-package.ts';
import { packageName } from './check-module.ts';
import { describeSymbol, membersOf, type DeclaredName } from './describe-export.ts';
import { createModuleProgram } from './package-program.ts';
import { rankSimilarNames } from './similar-names.ts';

/** The answer of a lookup: the installed package and a page of the names it (or one of its exports) offers. */
export interface PackageApi {
  language: 'typescript' | 'python';
  package: string;
  version: string;
  /** What was imported: `zod`, `zod/v4`, `os.path`. */
  module: string;
  /** Where the names were read, relative to the package folder (a declaration file, JavaScript, or a Python module). */
  source: string;
  /** The dotted name looked up inside the module (`z.string`), when one was given. */
  name?: string;
  /** False when `name` does not exist; `suggestions` then holds close real names. */
  found: boolean;
  suggestions: string[];
  /** The named export itself, when `name` was given and found. */
  target?: DeclaredName;
  /** The module's exports, or the members of `name`, sorted; `total` counts them all. */
  names: DeclaredName[];
  total: number;
}

/** Which names to describe: `offset`/`limit` page through them (signatures are computed only for the page). */
export interface LookupOptions {
  name?: string;
  offset?: number;
  limit?: number;
}

function notInstalled(root: string, specifier: string): CodewrightError {
  const wanted = packageName(specifier);
  const installed = listInstalled(join(root, 'node_modules'));
  const close = rankSimilarNames(wanted, installed.map((name) => ({ name }))).map((entry) => `\`${entry.name}\``);
  return new CodewrightError({
    code: 'NOT_FOUND',
    message: `\`${wanted}\` is not installed in ${root} (no node_modules/${wanted})${close.length > 0 ? `; did you mean ${close.join(' or ')}?` : '.'} Install it, or check the package name.`,
    data: { package: wanted },
  });
}

function listInstalled(folder: string): string[] {
  try {
    return readdirSync(folder).flatMap((entry) => (entry.startsWith('@') ? listInstalled(join(folder, entry)).map((inner) => `${entry}/${inner}`) : [entry]));
  } catch {
    return [];
  }
}

function page(checker: ts.TypeChecker, symbols: readonly ts.Symbol[], options: LookupOptions): { names: DeclaredName[]; total: number } {
  const visible = symbols.filter((symbol) => !symbol.name.startsWith('__') && symbol.name !== 'export=').sort((a, b) => Number(a.name.startsWith('_')) - Number(b.name.startsWith('_')) || a.name.localeCompare(b.name));
  const offset = options.offset ?? 0;
  const slice = visible.slice(offset, offset + (options.limit ?? 100));
  return { names: slice.map((symbol) => describeSymbol(checker, symbol.name, symbol)), total: visible.length };
}

/** The module's own exports; an `export =` value's members stand in for named exports. */
function moduleExports(checker: ts.TypeChecker, moduleSymbol: ts.Symbol): ts.Symbol[] {
  const exports = checker.getExportsOfModule(moduleSymbol);
  const assignment = moduleSymbol.exports?.get('export=' as ts.__String);
  return exports.length === 0 && assignment ? membersOf(checker, assignment) : exports;
}

/** Looks up what `specifier` (a package or a subpath of one) exports as installed under `root`; `name` narrows to one export (`z.string`). */
export function lookupPackageApi(root: string, specifier: string, options: LookupOptions = {}): PackageApi {
  if (!/^(@[\w.-]+\/)?[\w.-]+(\/[\w./-]+)?$/.test(specifier) || specifier.startsWith('.')) {
    throw new CodewrightError({ code: 'INVALID_ARGUMENT', message: `\`${specifier}\` is not a package specifier. Give a package name such as \`zod\`, \`@scope/name\` or a subpath such as \`zod/v4\`.` });
  }
  const installed: InstalledPackage | undefined = findInstalledPackage(root, packageName(specifier), root);
  if (!installed) throw notInstalled(root, specifier);
  const { checker, moduleSymbol, resolvedFile } = createModuleProgram(root, specifier);
  if (!moduleSymbol) {
    throw new CodewrightError({
      code: 'NOT_FOUND',
      message: `${installed.name} ${installed.version} (installed) has no module \`${specifier}\` that TypeScript can resolve. Check the subpath against the package's "exports" in ${join(relative(root, installed.dir), 'package.json')}.`,
      data: { package: installed.name, version: installed.version, module: specifier },
    });
  }
  const base = {
    language: 'typescript' as const,
    package: installed.name,
    version: installed.version,
    module: specifier,
    source: resolvedFile ? relative(realpathSync(installed.dir), resolvedFile).replace(/\\/g, '/') : '',
  };
  let symbols = moduleExports(checker, moduleSymbol);
  if (!options.name) return { ...base, found: true, suggestions: [], ...page(checker, symbols, options) };
  const parts = options.name.split('.');
  // `ts.createProgram`: the first part may be the name code imports the module as, not one of its exports.
  if (parts.length > 1 && !symbols.some((symbol) => symbol.name === parts[0]) && symbols.some((symbol) => symbol.name === parts[1])) parts.shift();
  let target: ts.Symbol | undefined;
  for (const part of parts) {
    const next = symbols.find((symbol) => symbol.name === part);
    if (!next) {
      const suggestions = rankSimilarNames(part, symbols.map((symbol) => ({ name: symbol.name })), { limit: 5 }).map((entry) => entry.name);
      return { ...base, name: options.name, found: false, suggestions, names: [], total: 0 };
    }
    target = next;
    symbols = membersOf(checker, next);
  }
  const described = target ? describeSymbol(checker, parts.at(-1) ?? options.name, target) : undefined;
  return { ...base, name: options.name, found: true, suggestions: [], ...(described ? { target: described } : {}), ...page(checker, symbols, options) };
}
