/** Compact text for definitions, references, callers, callees and outlines: one line per item, paths as `path:line`. */
import type { FindResult } from '../../atlas/query/find.ts';
import type { OutlineNode } from '../../atlas/query/outline.ts';
import type { Callee, Caller, Reference } from '../../atlas/query/references.ts';
import type { StoredSymbol } from '../../atlas/query/symbols.ts';

const maxText = 160;

/** A line of source, shortened. */
export function clipLine(text: string): string {
  return text.length > maxText ? `${text.slice(0, maxText - 1)}…` : text;
}

/** `path:start-end kind Qualified.name (local)` with the signature on the next line when there is one. */
export function symbolLine(symbol: StoredSymbol): string {
  const { path, startLine, endLine } = symbol.location;
  const head = `${path}:${startLine}-${endLine} ${symbol.kind} ${symbol.qualifiedName}${symbol.exported ? '' : ' (local)'}`;
  return symbol.signature ? `${head}\n    ${clipLine(symbol.signature)}` : head;
}

/** One line per search result, with how the name matched when not exactly. */
export function findLines(results: readonly FindResult[]): string[] {
  return results.map(({ symbol, match }) => `${symbolLine(symbol)}${match === 'exact' || match === 'qualified' ? '' : ` [${match} match]`}`);
}

/** The definitions a spec named, as a header. */
export function targetsHeader(targets: readonly StoredSymbol[]): string {
  if (targets.length === 1) return `definition: ${symbolLine(targets[0]!)}`;
  const listed = targets.map(({ location, kind, qualifiedName }) => `  ${location.path}:${location.startLine}-${location.endLine} ${kind} ${qualifiedName}`);
  return `${targets.length} definitions match, answering for all (narrow with \`path#name\` or \`path:line\`):\n${listed.join('\n')}`;
}

const confidenceNote: Record<Reference['confidence'], string> = { precise: '', import: '', local: '', name: ', by name only' };

/** `path:line:column [kind] text (in Enclosing.name)`. */
export function referenceLine(reference: Reference): string {
  const inside = reference.enclosing ? ` (in ${reference.enclosing.qualifiedName})` : '';
  return `${reference.path}:${reference.line}:${reference.column + 1} [${reference.kind}${confidenceNote[reference.confidence]}] ${clipLine(reference.text)}${inside}`;
}

/** A caller and its call sites. */
export function callerLines(caller: Caller): string[] {
  const name = caller.caller?.qualifiedName ?? '(top level)';
  return [`${name} in ${caller.path}`, ...caller.sites.map((site) => `    ${site.path}:${site.line} ${clipLine(site.text)}`)];
}

/** A call and what it resolves to. */
export function calleeLine(callee: Callee): string {
  const call = `${callee.receiver ? `${callee.receiver}.` : ''}${callee.name}`;
  const target = callee.targets[0];
  const resolved = target ? `${target.qualifiedName} ${target.path}:${target.line}${target.confidence === 'name' ? ' (by name only)' : ''}` : '(outside the repository or unresolved)';
  const others = callee.targets.length > 1 ? ` (+${callee.targets.length - 1} more candidates)` : '';
  return `line ${callee.site.line} ${call} -> ${resolved}${others}`;
}

/** An outline as indented lines: `kind name start-end`. */
export function outlineLines(nodes: readonly OutlineNode[], depth = 0): string[] {
  return nodes.flatMap(({ symbol, children }) => [
    `${'  '.repeat(depth)}${symbol.kind} ${symbol.name} ${symbol.location.startLine}-${symbol.location.endLine}${symbol.exported ? '' : ' (local)'}`,
    ...outlineLines(children, depth + 1),
  ]);
}
