/** Harvests inputs from the existing tests: calls to an imported function whose arguments are all literals. */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { encodeValue } from './codec.ts';
import { readLiteral } from './literal-value.ts';

/** A function whose test calls are wanted: its file (absolute) and export path (`['parse']`, `['Version', 'compare']`). */
export interface HarvestRequest {
  file: string;
  exportPath: string[];
}

export interface HarvestOptions {
  /** Stop looking after this many test files (default 2,000). */
  maxFiles?: number;
  /** Keep at most this many distinct argument lists per function (default 50). */
  maxInputs?: number;
}

const skippedDirectories = new Set(['node_modules', 'dist', 'build', 'coverage', 'out', 'vendor']);
const testFile = /(\.(test|spec)\.[cm]?[jt]sx?$)|((^|\/)(__tests__|tests?)\/.*\.[cm]?[jt]sx?$)/;

/** Test files under `dir` (relative paths), skipping dependencies, build output and hidden folders. */
export async function listTestFiles(dir: string, maxFiles = 2000): Promise<string[]> {
  const found: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(path.join(dir, relative), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (found.length >= maxFiles) return;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory() && !entry.name.startsWith('.') && !skippedDirectories.has(entry.name)) await walk(child);
      else if (entry.isFile() && testFile.test(child) && !child.endsWith('.d.ts')) found.push(child);
    }
  };
  await walk('');
  return found.sort();
}

interface Binding {
  /** The exported name imported, `default`, or `*` for a namespace import. */
  imported: string;
  specifier: string;
}

function importBindings(sourceFile: ts.SourceFile): Map<string, Binding> {
  const bindings = new Map<string, Binding>();
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || !statement.importClause) continue;
    const specifier = statement.moduleSpecifier.text;
    const clause = statement.importClause;
    if (clause.name) bindings.set(clause.name.text, { imported: 'default', specifier });
    const named = clause.namedBindings;
    if (named && ts.isNamespaceImport(named)) bindings.set(named.name.text, { imported: '*', specifier });
    if (named && ts.isNamedImports(named)) {
      for (const element of named.elements) bindings.set(element.name.text, { imported: (element.propertyName ?? element.name).text, specifier });
    }
  }
  return bindings;
}

/** The export path a callee refers to, with the import it goes through. */
function calleePath(callee: ts.Expression, bindings: Map<string, Binding>): { exportPath: string[]; specifier: string } | undefined {
  const names: string[] = [];
  let current = callee;
  while (ts.isPropertyAccessExpression(current)) {
    names.unshift(current.name.text);
    current = current.expression;
  }
  const binding = ts.isIdentifier(current) ? bindings.get(current.text) : undefined;
  if (!binding) return undefined;
  const exportPath = binding.imported === '*' ? names : [binding.imported, ...names];
  return exportPath.length > 0 ? { exportPath, specifier: binding.specifier } : undefined;
}

function withoutExtension(file: string): string {
  return file.replace(/\.[cm]?[jt]sx?$/, '').replace(/\/index$/, '');
}

/** Relative imports must point at the function's file; package or alias imports are trusted by name. */
function importsFile(testPath: string, specifier: string, file: string): boolean {
  if (!specifier.startsWith('.')) return true;
  return withoutExtension(path.resolve(path.dirname(testPath), specifier)) === withoutExtension(file);
}

function literalArguments(call: ts.CallExpression): unknown[] | undefined {
  const values: unknown[] = [];
  for (const argument of call.arguments) {
    const read = readLiteral(argument);
    if (!read.ok) return undefined;
    values.push(read.value);
  }
  return values;
}

function harvestFile(testPath: string, text: string, requests: readonly HarvestRequest[], found: Map<string, unknown[]>[]): void {
  const sourceFile = ts.createSourceFile(testPath, text, ts.ScriptTarget.Latest, true);
  const bindings = importBindings(sourceFile);
  if (bindings.size === 0) return;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = calleePath(node.expression, bindings);
      const index = callee
        ? requests.findIndex((request) => request.exportPath.join('.') === callee.exportPath.join('.') && importsFile(testPath, callee.specifier, request.file))
        : -1;
      const args = index >= 0 ? literalArguments(node) : undefined;
      if (args) found[index]!.set(JSON.stringify(args.map(encodeValue)), args);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
}

/** For each request, the distinct literal argument lists the tests under `dir` call it with. */
export async function harvestInputs(dir: string, requests: readonly HarvestRequest[], options: HarvestOptions = {}): Promise<unknown[][][]> {
  const found = requests.map(() => new Map<string, unknown[]>());
  if (requests.length === 0) return [];
  const names = new Set(requests.map((request) => request.exportPath[0]!));
  for (const relative of await listTestFiles(dir, options.maxFiles)) {
    const testPath = path.join(dir, relative);
    const text = await readFile(testPath, 'utf8').catch(() => '');
    if (!names.has('default') && ![...names].some((name) => text.includes(name))) continue;
    harvestFile(testPath, text, requests, found);
  }
  const maxInputs = options.maxInputs ?? 50;
  return found.map((inputs) => [...inputs.values()].slice(0, maxInputs));
}
