/** Checks that a named import (or re-export) is exported by its module, suggesting the closest real exports. */
import ts from 'typescript';
import { hintPhrase, suggestionPhrase, type UseOutcome } from './api-outcome.ts';
import { originOfSymbol, type Origin } from './declaration-origin.ts';
import { describePackage } from './package-of-file.ts';
import { symbolDeprecation } from './deprecation.ts';
import { removalHints } from './removal-hints.ts';
import { rankSimilarNames } from './similar-names.ts';

function moduleOwner(origin: Origin, specifier: string): string {
  if (origin.kind === 'dependency') return describePackage(origin.installed);
  if (origin.kind === 'repository') return origin.path;
  return `\`${specifier}\``;
}

/** Resolves `import { name } from 'module'` (and `export { name } from`) against the module's exports. */
export function checkImport(program: ts.Program, node: ts.ImportSpecifier | ts.ExportSpecifier, moduleSpecifier: ts.Expression, root: string): UseOutcome {
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(moduleSpecifier);
  if (!moduleSymbol) return { status: 'unchecked', reason: 'module without types' };
  const name = (node.propertyName ?? node.name).text;
  const exports = checker.getExportsOfModule(moduleSymbol);
  const exported = exports.find((symbol) => symbol.name === name);
  const origin = originOfSymbol(program, moduleSymbol, root);
  if (exported) {
    const deprecated = origin.kind === 'dependency' ? symbolDeprecation(checker, exported) : undefined;
    if (deprecated === undefined) return { status: 'resolved' };
    return { status: 'resolved', deprecation: `imports \`${name}\`, which ${moduleOwner(origin, '')} marks deprecated${deprecated ? `: ${deprecated}` : ''}` };
  }
  // `export =` modules: named imports resolve to properties of the exported value.
  const local = checker.getSymbolAtLocation(node.name);
  const target = local && local.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(local) : undefined;
  if (target && target.flags !== ts.SymbolFlags.None && target.declarations?.length) return { status: 'resolved' };
  const specifier = ts.isStringLiteralLike(moduleSpecifier) ? moduleSpecifier.text : moduleSpecifier.getText();
  const ranked = rankSimilarNames(
    name,
    exports.map((symbol) => ({ name: symbol.name, symbol })),
    { isDeprecated: (candidate) => symbolDeprecation(checker, candidate.symbol) !== undefined },
  );
  const hints = origin.kind === 'dependency' ? removalHints(origin.installed.dir, name) : [];
  const suggestions = suggestionPhrase(ranked.map((entry) => ({ shown: entry.name, deprecated: entry.deprecated })));
  return {
    status: 'missing',
    message: `imports \`${name}\` from \`${specifier}\`, which ${moduleOwner(origin, specifier)} does not export${suggestions}${hintPhrase(hints)}`,
    data: {
      name,
      module: specifier,
      ...(origin.kind === 'dependency' ? { package: origin.installed.name, version: origin.installed.version } : {}),
      suggestions: ranked.map((entry) => entry.name),
      hints,
    },
  };
}
