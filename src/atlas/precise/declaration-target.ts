/** From a checker symbol to where its declaration's name starts, or `external`. */
import ts from 'typescript';
import type { ResolvedOccurrence } from './backend.ts';
import { toRepositoryPath } from './paths.ts';

/** Symbols the language itself declares; the checker gives them no declaration. */
const intrinsicNames = new Set(['undefined', 'arguments', 'globalThis']);

/**
 * Follows import/export aliases to the symbol that carries the declarations. An alias whose
 * module is missing stays itself, so uses point at the import, as an editor's go-to-definition does.
 */
export function followAliases(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol {
  if (!(symbol.flags & ts.SymbolFlags.Alias)) return symbol;
  const aliased = checker.getAliasedSymbol(symbol);
  return aliased.declarations?.length ? aliased : symbol;
}

/**
 * The declaration a use should point at: the implementation of an overloaded function or
 * method (the one with a body), else the value declaration, else the first declaration.
 */
export function pickDeclaration(symbol: ts.Symbol): ts.Declaration | undefined {
  const declarations = symbol.declarations;
  if (!declarations || declarations.length === 0) return undefined;
  if (declarations.length > 1 && symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Method | ts.SymbolFlags.Constructor)) {
    const implementation = declarations.find((declaration) => ts.isFunctionLike(declaration) && 'body' in declaration && declaration.body !== undefined);
    if (implementation) return implementation;
  }
  return symbol.valueDeclaration ?? declarations[0];
}

/** Target of a resolved symbol; undefined when the symbol has no declaration and is not intrinsic. */
export function targetOf(root: string, checker: ts.TypeChecker, symbol: ts.Symbol): ResolvedOccurrence['target'] | undefined {
  let real = followAliases(checker, symbol);
  if (!real.declarations?.length && real.flags & ts.SymbolFlags.Transient) {
    const origin = checker.getRootSymbols(real).find((candidate) => candidate.declarations?.length);
    if (origin) real = origin;
  }
  const declaration = pickDeclaration(real);
  if (!declaration) return intrinsicNames.has(real.escapedName as string) ? 'external' : undefined;
  const file = declaration.getSourceFile();
  const path = toRepositoryPath(root, file.fileName);
  if (path === undefined) return 'external';
  if (ts.isSourceFile(declaration)) return { path, line: 1, column: 0 };
  const name = ts.getNameOfDeclaration(declaration) ?? declaration;
  const { line, character } = file.getLineAndCharacterOfPosition(name.getStart(file));
  return { path, line: line + 1, column: character };
}
