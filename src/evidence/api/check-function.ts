/** Checks that a newly called plain function (`format()`, `new Parser()`) is defined somewhere in scope. */
import ts from 'typescript';
import { suggestionPhrase, type UseOutcome } from './api-outcome.ts';
import { originOfSymbol } from './declaration-origin.ts';
import { callDeprecation } from './deprecation.ts';
import type { RepositoryNames } from './repository-names.ts';
import { rankSimilarNames } from './similar-names.ts';

/**
 * Names JavaScript files use without declaring them, which only the runtime or test runner provides: CommonJS and
 * Node globals, and the globals of Jest, Vitest and Mocha. TypeScript files get them from their `types`; JavaScript
 * files often have no types for them at all.
 */
const environmentGlobals = new Set([
  ...['require', 'module', 'exports', '__dirname', '__filename', 'process', 'Buffer', 'global', 'setImmediate', 'clearImmediate'],
  ...['describe', 'it', 'test', 'expect', 'beforeEach', 'afterEach', 'beforeAll', 'afterAll', 'before', 'after', 'suite', 'context', 'jest', 'vi'],
]);

/** Resolves the callee identifier of a call or `new`. */
export function checkFunction(
  program: ts.Program,
  node: ts.Identifier,
  call: ts.CallExpression | ts.NewExpression,
  root: string,
  repositoryNames?: RepositoryNames,
): UseOutcome {
  const checker = program.getTypeChecker();
  const symbol = checker.getSymbolAtLocation(node);
  if (symbol) {
    const origin = originOfSymbol(program, symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol, root);
    const deprecated = origin.kind === 'dependency' || origin.kind === 'library' ? callDeprecation(checker, call) : undefined;
    if (deprecated === undefined) return { status: 'resolved' };
    return { status: 'resolved', deprecation: `calls \`${node.text}()\`, which is marked deprecated${deprecated ? `: ${deprecated}` : ''}` };
  }
  const javascript = /\.(c|m)?jsx?$/.test(node.getSourceFile().fileName);
  if (javascript && environmentGlobals.has(node.text)) return { status: 'unchecked', reason: 'runtime or test-runner global' };
  const inScope = checker.getSymbolsInScope(node, ts.SymbolFlags.Value | ts.SymbolFlags.Alias);
  const callable = (symbol: ts.Symbol) => {
    const type = checker.getTypeOfSymbolAtLocation(symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol, node);
    return (ts.isNewExpression(call) ? type.getConstructSignatures() : type.getCallSignatures()).length > 0;
  };
  const ranked = rankSimilarNames(
    node.text,
    inScope.map((symbol) => ({ name: symbol.name, symbol })),
    { penalty: (candidate) => (callable(candidate.symbol) ? 0 : 0.2) },
  );
  const suggestions: Array<{ shown: string; note?: string }> = ranked.map((entry) => ({ shown: `${entry.name}()` }));
  // Definitions elsewhere in the repository that this file does not import.
  for (const entry of repositoryNames?.(node.text) ?? []) {
    if (suggestions.length < 3 && !ranked.some((candidate) => candidate.name === entry.name)) suggestions.push({ shown: `${entry.name}()`, note: `exported by ${entry.path}, not imported` });
  }
  const verb = ts.isNewExpression(call) ? `constructs \`new ${node.text}()\`` : `calls \`${node.text}()\``;
  return {
    status: 'missing',
    message: `${verb}, which is not defined in the repository or its dependencies${suggestionPhrase(suggestions)}`,
    data: { name: node.text, suggestions: suggestions.map((entry) => entry.shown) },
  };
}
