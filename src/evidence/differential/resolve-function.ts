/** Resolves a touched symbol to exported functions that can be called in isolation, in both worktrees. */
import ts from 'typescript';
import type { Result } from '../../core/result.ts';
import { fail, ok } from '../../core/result.ts';
import type { TouchedSymbol } from '../types.ts';
import { type ExportedFunction, exportedFunctions, mentionedNames } from './exported-functions.ts';
import { parameterShapes } from './parameter-shapes.ts';
import { type ParameterShape, shapeKey } from './shape.ts';

/** One side of a file: its checker and source, when the file exists there. */
export interface FileSide {
  checker: ts.TypeChecker;
  sourceFile: ts.SourceFile;
}

/** An exported function that stands for a touched symbol, directly or because it calls it. */
export interface ResolvedFunction {
  change: ExportedFunction;
  /** The touched, unexported function this one calls, when tested through a caller. */
  via?: string;
}

function exportsOf(side: FileSide, cache: Map<ts.SourceFile, ExportedFunction[]>): ExportedFunction[] {
  let found = cache.get(side.sourceFile);
  if (!found) cache.set(side.sourceFile, (found = exportedFunctions(side.checker, side.sourceFile)));
  return found;
}

/** Names declared at the top of a file (functions, classes, variables) with what each mentions. */
function topLevelMentions(sourceFile: ts.SourceFile): Map<string, Set<string>> {
  const mentions = new Map<string, Set<string>>();
  for (const statement of sourceFile.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) mentions.set(declaration.name.text, mentionedNames(declaration));
      }
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      mentions.set(statement.name.text, mentionedNames(statement));
    }
  }
  return mentions;
}

/** Exported functions of the file that reach `name` through calls inside the file. */
function exportedCallers(functions: readonly ExportedFunction[], sourceFile: ts.SourceFile, name: string): ExportedFunction[] {
  const reaching = new Set([name]);
  const mentions = topLevelMentions(sourceFile);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [declared, mentioned] of mentions) {
      if (reaching.has(declared) || ![...reaching].some((reached) => mentioned.has(reached))) continue;
      reaching.add(declared);
      grew = true;
    }
  }
  return functions.filter((fn) => fn.localName !== name && [...reaching].some((reached) => mentionedNames(fn.declaration).has(reached)));
}

/** The exported functions to compare for `symbol`, or why it cannot be called in isolation. */
export function resolveTouched(symbol: TouchedSymbol, side: FileSide, cache: Map<ts.SourceFile, ExportedFunction[]>): Result<ResolvedFunction[], string> {
  const functions = exportsOf(side, cache);
  const overlaps = (fn: ExportedFunction) => fn.startLine <= symbol.endLine && fn.endLine >= symbol.startLine;
  const direct = functions.find((fn) => (fn.localName === symbol.qualifiedName || fn.exportPath.join('.') === symbol.qualifiedName) && overlaps(fn));
  if (direct) return ok([{ change: direct }]);
  if (symbol.kind === 'method') return fail(`\`${symbol.qualifiedName}\` is an instance method: it needs an object to be called on`);
  const callers = exportedCallers(functions, side.sourceFile, symbol.qualifiedName);
  if (callers.length === 0) return fail(`\`${symbol.qualifiedName}\` is not exported and no exported function of its file calls it`);
  return ok(callers.map((change) => ({ change, via: symbol.qualifiedName })));
}

/** The base version of an exported function, found by export path. */
export function baseCounterpart(change: ExportedFunction, base: FileSide | undefined, cache: Map<ts.SourceFile, ExportedFunction[]>): ExportedFunction | undefined {
  if (!base) return undefined;
  const key = change.exportPath.join('.');
  return exportsOf(base, cache).find((fn) => fn.exportPath.join('.') === key);
}

/**
 * Parameter shapes both versions accept: equal shapes, or the base's when the change only adds
 * optional parameters at the end.
 */
export function commonParameters(base: FileSide & { fn: ExportedFunction }, change: FileSide & { fn: ExportedFunction }): Result<ParameterShape[], string> {
  const changed = parameterShapes(change.checker, change.fn);
  if (!changed.success) return changed;
  const original = parameterShapes(base.checker, base.fn);
  if (!original.success) return fail(`in the base version, ${original.error}`);
  if (shapeKey(changed.value) === shapeKey(original.value)) return changed;
  const prefix = changed.value.slice(0, original.value.length);
  const added = changed.value.slice(original.value.length);
  if (shapeKey(prefix) === shapeKey(original.value) && added.every((parameter) => parameter.optional || parameter.rest)) return original;
  return fail('the parameter types changed, so no input fits both versions');
}
