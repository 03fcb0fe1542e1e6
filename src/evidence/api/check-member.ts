/** Checks that a newly accessed or called member exists on its receiver's type, suggesting close real members. */
import ts from 'typescript';
import { hintPhrase, suggestionPhrase, type UseOutcome } from './api-outcome.ts';
import { originOfSymbol, ownerPhrase, type Origin } from './declaration-origin.ts';
import { callDeprecation, symbolDeprecation } from './deprecation.ts';
import { removalHints } from './removal-hints.ts';
import { chainRoot, renderExpression } from './render-expression.ts';
import { rankSimilarNames } from './similar-names.ts';

const unjudgeable =
  ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never | ts.TypeFlags.TypeParameter | ts.TypeFlags.Index | ts.TypeFlags.IndexedAccess | ts.TypeFlags.Conditional | ts.TypeFlags.Substitution;

/** The non-nullable members of a receiver type, as the checker sees their properties. */
function receiverParts(checker: ts.TypeChecker, type: ts.Type): ts.Type[] | undefined {
  const nonNull = checker.getNonNullableType(type);
  const parts = nonNull.isUnion() ? nonNull.types : [nonNull];
  const apparent = parts.map((part) => checker.getApparentType(part));
  if (apparent.some((part) => part.flags & unjudgeable)) return undefined;
  return apparent;
}

const stringKeys = ts.TypeFlags.String | ts.TypeFlags.TemplateLiteral | ts.TypeFlags.StringMapping;

/** True when some member of the receiver has the property or accepts any string key (numeric indexes do not count). */
function hasMember(checker: ts.TypeChecker, parts: ts.Type[], name: string): boolean {
  return parts.some(
    (part) => checker.getPropertyOfType(part, name) !== undefined || checker.getIndexInfosOfType(part).some((info) => (info.keyType.flags & stringKeys) !== 0),
  );
}

interface MemberCandidate {
  name: string;
  prefix: string;
  symbol: ts.Symbol;
}

/** Members of the receiver, and exports of the chain's root when it is a namespace of the same package (`z.` for `z.string().x`). */
function candidatesFor(program: ts.Program, node: ts.PropertyAccessExpression, parts: ts.Type[], origin: Origin, root: string): MemberCandidate[] {
  const checker = program.getTypeChecker();
  const receiverText = `${renderExpression(node.expression)}.`;
  const candidates = parts.flatMap((part) => checker.getPropertiesOfType(part).map((symbol) => ({ name: symbol.name, prefix: receiverText, symbol })));
  const chain = chainRoot(node.expression);
  if (chain !== node.expression && ts.isIdentifier(chain)) {
    const rootType = checker.getTypeAtLocation(chain);
    const rootOrigin = originOfSymbol(program, rootType.getSymbol(), root);
    const samePackage = origin.kind === 'dependency' && rootOrigin.kind === 'dependency' && rootOrigin.installed.dir === origin.installed.dir;
    if (samePackage) candidates.push(...checker.getPropertiesOfType(rootType).map((symbol) => ({ name: symbol.name, prefix: `${chain.text}.`, symbol })));
  }
  return candidates;
}

function isCallable(checker: ts.TypeChecker, symbol: ts.Symbol, at: ts.Node): boolean {
  return checker.getTypeOfSymbolAtLocation(symbol, at).getCallSignatures().length > 0;
}

/** Deprecation of a resolved member from a dependency or the standard library. */
function resolvedMember(program: ts.Program, node: ts.PropertyAccessExpression, called: boolean, root: string): UseOutcome {
  const checker = program.getTypeChecker();
  const symbol = checker.getSymbolAtLocation(node.name);
  const origin = originOfSymbol(program, symbol, root);
  if (!symbol || origin.kind === 'repository' || origin.kind === 'unknown') return { status: 'resolved' };
  const deprecated = called ? callDeprecation(checker, node.parent as ts.CallExpression) : symbolDeprecation(checker, symbol);
  if (deprecated === undefined) return { status: 'resolved' };
  const shown = `${renderExpression(node)}${called ? '()' : ''}`;
  const owner = origin.kind === 'dependency' ? ownerPhrase(origin, '') : 'the standard library';
  return { status: 'resolved', deprecation: `${called ? 'calls' : 'accesses'} \`${shown}\`, which ${owner} marks deprecated${deprecated ? `: ${deprecated}` : ''}` };
}

function isJavaScript(node: ts.Node): boolean {
  return /\.(c|m)?jsx?$/.test(node.getSourceFile().fileName);
}

/**
 * JavaScript is not type-checked: its types come from first assignments and advisory JSDoc, and objects often carry
 * more at run time (ESLint's `node.parent`). Only chains that start at a binding imported from a dependency
 * (`z.string().x`, `lodash.x`) have declared types firm enough to judge.
 */
function importedFromDependency(program: ts.Program, node: ts.PropertyAccessExpression, root: string): boolean {
  const checker = program.getTypeChecker();
  const start = chainRoot(node.expression);
  const symbol = ts.isIdentifier(start) ? checker.getSymbolAtLocation(start) : undefined;
  if (!symbol || !(symbol.flags & ts.SymbolFlags.Alias)) return false;
  return originOfSymbol(program, checker.getAliasedSymbol(symbol), root).kind === 'dependency';
}

/** Resolves `receiver.name`; in JavaScript files only chains starting at a dependency's import are judged. */
export function checkMember(program: ts.Program, node: ts.PropertyAccessExpression, called: boolean, root: string): UseOutcome {
  const checker = program.getTypeChecker();
  const parts = receiverParts(checker, checker.getTypeAtLocation(node.expression));
  if (!parts) return { status: 'unchecked', reason: 'untyped receiver' };
  const name = node.name.text;
  if (checker.getSymbolAtLocation(node.name) || hasMember(checker, parts, name)) return resolvedMember(program, node, called, root);
  const owner = parts[0] as ts.Type;
  const origin = originOfSymbol(program, owner.getSymbol() ?? owner.aliasSymbol, root);
  if (origin.kind === 'unknown' || (isJavaScript(node) && !importedFromDependency(program, node, root))) return { status: 'unchecked', reason: 'loosely typed receiver' };
  const ranked = rankSimilarNames(name, candidatesFor(program, node, parts, origin, root), {
    isDeprecated: (candidate) => symbolDeprecation(checker, candidate.symbol) !== undefined,
    penalty: (candidate) => (called && !isCallable(checker, candidate.symbol, node) ? 0.2 : 0),
  });
  const suggestions = ranked.map((entry) => ({
    shown: `${entry.prefix}${entry.name}${called && isCallable(checker, entry.symbol, node) ? '()' : ''}`,
    deprecated: entry.deprecated,
  }));
  const hints = origin.kind === 'dependency' ? removalHints(origin.installed.dir, name) : [];
  const shown = `${renderExpression(node)}${called ? '()' : ''}`;
  const typeName = checker.typeToString(owner);
  return {
    status: 'missing',
    message: `${called ? 'calls' : 'accesses'} \`${shown}\`, which ${ownerPhrase(origin, typeName)} does not have${suggestionPhrase(suggestions)}${hintPhrase(hints)}`,
    data: {
      name,
      receiverType: typeName,
      ...(origin.kind === 'dependency' ? { package: origin.installed.name, version: origin.installed.version } : {}),
      suggestions: suggestions.map((entry) => entry.shown),
      hints,
    },
  };
}
