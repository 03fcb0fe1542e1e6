/** `find`, `refs`, `callers`, `callees` and `outline`: navigation over definitions. */
import { findSymbols } from '../../atlas/query/find.ts';
import { findCallees, findCallers, findReferences } from '../../atlas/query/references.ts';
import { outlineFile } from '../../atlas/query/outline.ts';
import type { OutlineNode } from '../../atlas/query/outline.ts';
import { requireSymbols } from '../../atlas/query/symbols.ts';
import type { StoredSymbol } from '../../atlas/query/symbols.ts';
import type { CommandContext } from '../context.ts';
import { printJson } from '../context.ts';
import { withIndex } from './open.ts';

export interface QueryOptions {
  root?: string;
  json?: boolean;
  limit?: string;
  kind?: string;
}

const limitOf = (options: QueryOptions, fallback: number) => (options.limit ? Math.max(1, Number(options.limit) || fallback) : fallback);

function where(symbol: StoredSymbol): string {
  return `${symbol.location.path}:${symbol.location.startLine}`;
}

/** `find <name>` */
export function runFind(name: string, options: QueryOptions, context: CommandContext): void {
  withIndex(options.root, (db) => {
    const results = findSymbols(db, name, { limit: limitOf(options, 20), kind: options.kind });
    if (options.json) return printJson(context, results);
    if (results.length === 0) {
      context.err(`No definition matches \`${name}\`. Try \`codewright search "${name}"\` for text matches.`);
      process.exitCode = 1;
      return;
    }
    const { cyan, dim, bold } = context.colors;
    for (const { symbol, match } of results) {
      context.out(`${bold(symbol.qualifiedName)} ${dim(symbol.kind)} ${cyan(where(symbol))}${symbol.exported ? '' : dim(' (not exported)')}${match === 'exact' ? '' : dim(` [${match}]`)}`);
      if (symbol.signature) context.out(`    ${dim(symbol.signature)}`);
    }
  });
}

function describeTargets(targets: StoredSymbol[], context: CommandContext): void {
  if (targets.length > 1) {
    context.err(`${targets.length} definitions match; showing uses of each (narrow with \`path#name\` or \`path:line\`):`);
    for (const target of targets) context.err(`  ${target.qualifiedName} ${where(target)}`);
  }
}

/** `refs <symbol>` */
export function runRefs(spec: string, options: QueryOptions, context: CommandContext): void {
  withIndex(options.root, (db, root) => {
    const targets = requireSymbols(db, spec);
    const references = findReferences(db, root, targets, { limit: limitOf(options, 500) });
    if (options.json) return printJson(context, { targets, references });
    describeTargets(targets, context);
    const { cyan, dim } = context.colors;
    for (const reference of references) {
      context.out(`${cyan(`${reference.path}:${reference.line}:${reference.column + 1}`)} ${reference.text} ${dim(`[${reference.kind}${reference.confidence === 'name' ? ', by name only' : ''}]`)}`);
    }
    context.err(`${references.length} reference${references.length === 1 ? '' : 's'}`);
  });
}

/** `callers <symbol>` */
export function runCallers(spec: string, options: QueryOptions, context: CommandContext): void {
  withIndex(options.root, (db, root) => {
    const targets = requireSymbols(db, spec);
    const callers = findCallers(db, root, targets);
    if (options.json) return printJson(context, { targets, callers });
    describeTargets(targets, context);
    const { cyan, bold, dim } = context.colors;
    for (const caller of callers) {
      context.out(`${bold(caller.caller?.qualifiedName ?? '(top level)')} ${dim(caller.path)}`);
      for (const site of caller.sites) context.out(`    ${cyan(`${site.path}:${site.line}`)} ${site.text}`);
    }
    context.err(`${callers.length} caller${callers.length === 1 ? '' : 's'}`);
  });
}

/** `callees <symbol>` */
export function runCallees(spec: string, options: QueryOptions, context: CommandContext): void {
  withIndex(options.root, (db, root) => {
    const sources = requireSymbols(db, spec);
    const result = sources.map((source) => ({ source, callees: findCallees(db, root, source) }));
    if (options.json) return printJson(context, result);
    const { cyan, bold, dim } = context.colors;
    for (const { source, callees } of result) {
      context.out(`${bold(source.qualifiedName)} ${dim(where(source))} calls:`);
      for (const callee of callees) {
        const target = callee.targets[0];
        const resolved = target ? cyan(`${target.qualifiedName} ${target.path}:${target.line}`) : dim('(outside the repository or unresolved)');
        context.out(`    ${callee.receiver ? `${callee.receiver}.` : ''}${callee.name} ${dim(`line ${callee.site.line}`)} -> ${resolved}`);
      }
    }
  });
}

function renderOutline(nodes: OutlineNode[], depth: number, context: CommandContext): void {
  const { dim, bold } = context.colors;
  for (const { symbol, children } of nodes) {
    context.out(`${'  '.repeat(depth)}${dim(symbol.kind.padEnd(9))} ${bold(symbol.name)} ${dim(`${symbol.location.startLine}-${symbol.location.endLine}`)}${symbol.exported ? '' : dim(' (local)')}`);
    renderOutline(children, depth + 1, context);
  }
}

/** `outline <file>` */
export function runOutline(path: string, options: QueryOptions, context: CommandContext): void {
  withIndex(options.root, (db) => {
    const outline = outlineFile(db, path);
    if (options.json) return printJson(context, outline);
    context.out(`${outline.path} (${outline.language ?? 'unsupported'}${outline.status === 'indexed' ? '' : `, ${outline.status}: ${outline.reason}`})`);
    renderOutline(outline.nodes, 1, context);
  });
}
