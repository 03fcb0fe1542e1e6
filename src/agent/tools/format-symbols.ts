/** Compact text of definition queries for a model: find, refs, callers, outline. */
import type { FindResult } from '../../atlas/query/find.ts';
import type { Outline, OutlineNode } from '../../atlas/query/outline.ts';
import type { Caller, Reference } from '../../atlas/query/references.ts';
import type { StoredSymbol } from '../../atlas/query/symbols.ts';

function where(symbol: StoredSymbol): string {
  return `${symbol.location.path}:${symbol.location.startLine}`;
}

/** One definition per line, its signature below it. */
export function formatFind(query: string, results: readonly FindResult[]): string {
  if (results.length === 0) return `no definition matches \`${query}\`; try search for text, or locate with a description`;
  const lines: string[] = [];
  for (const { symbol, match } of results) {
    const notes = [symbol.kind, symbol.exported ? '' : 'not exported', match === 'exact' ? '' : `${match} match`].filter(Boolean).join(', ');
    lines.push(`${symbol.qualifiedName} ${where(symbol)} (${notes})`);
    if (symbol.signature) lines.push(`    ${symbol.signature}`);
  }
  return lines.join('\n');
}

/** Which definitions a spec matched, when it matched several. */
export function formatTargets(targets: readonly StoredSymbol[]): string[] {
  if (targets.length <= 1) return [];
  return [`${targets.length} definitions match (narrow with path#name or path:line):`, ...targets.map((target) => `  ${target.qualifiedName} ${where(target)}`)];
}

/** `path:line:column text [kind, how sure]`, one per reference. */
export function formatReferences(spec: string, targets: readonly StoredSymbol[], references: readonly Reference[], limit: number): string {
  const lines = formatTargets(targets);
  if (references.length === 0) lines.push(`no references to \`${spec}\` in the index`);
  for (const reference of references) {
    const how = reference.confidence === 'name' ? ', by name only' : '';
    lines.push(`${reference.path}:${reference.line}:${reference.column + 1} ${reference.text} [${reference.kind}${how}]`);
  }
  if (references.length >= limit) lines.push(`[stopped at ${limit} references; raise limit to see more]`);
  return lines.join('\n');
}

/** Each caller with its call sites. */
export function formatCallers(spec: string, targets: readonly StoredSymbol[], callers: readonly Caller[]): string {
  const lines = formatTargets(targets);
  if (callers.length === 0) lines.push(`no calls to \`${spec}\` in the index (it may be called dynamically, or only from outside the repository)`);
  for (const caller of callers) {
    lines.push(`${caller.caller?.qualifiedName ?? '(top level)'} in ${caller.path}`);
    for (const site of caller.sites) lines.push(`    ${site.path}:${site.line} ${site.text}`);
  }
  return lines.join('\n');
}

function outlineLines(nodes: readonly OutlineNode[], depth: number, into: string[]): void {
  for (const { symbol, children } of nodes) {
    const local = symbol.exported || depth > 0 ? '' : ' (local)';
    into.push(`${'  '.repeat(depth)}${symbol.kind} ${symbol.name} ${symbol.location.startLine}-${symbol.location.endLine}${local}`);
    outlineLines(children, depth + 1, into);
  }
}

/** A file's definitions as an indented tree with line ranges. */
export function formatOutline(outline: Outline): string {
  const state = outline.status === 'indexed' ? '' : `, ${outline.status}: ${outline.reason}`;
  const lines = [`${outline.path} (${outline.language ?? 'not parsed'}${state})`];
  outlineLines(outline.nodes, 0, lines);
  if (outline.nodes.length === 0) lines.push('(no definitions)');
  return lines.join('\n');
}
