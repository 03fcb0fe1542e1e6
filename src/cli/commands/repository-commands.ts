/** `search`, `locate`, `map` and `stats`: questions about the repository as a whole. */
import { readFileSync } from 'node:fs';
import { CodewrightError } from '../../core/errors.ts';
import { searchCode } from '../../atlas/query/search.ts';
import { locate } from '../../atlas/query/locate.ts';
import { mapToMermaid, repositoryMap } from '../../atlas/query/map.ts';
import { formatMapText } from '../../atlas/query/map-text.ts';
import { indexStats } from '../../atlas/query/stats.ts';
import type { CommandContext } from '../context.ts';
import { printJson } from '../context.ts';
import { withIndex } from './open.ts';
import type { QueryOptions } from './symbol-commands.ts';

const limitOf = (options: QueryOptions, fallback: number) => (options.limit ? Math.max(1, Number(options.limit) || fallback) : fallback);

/** `search "<text>"` */
export function runSearch(text: string, options: QueryOptions, context: CommandContext): void {
  withIndex(options.root, (db, root) => {
    const hits = searchCode(db, root, text, { limit: limitOf(options, 20) });
    if (options.json) return printJson(context, hits);
    const { cyan, dim, bold } = context.colors;
    for (const hit of hits) {
      context.out(`${cyan(`${hit.path}:${hit.startLine}-${hit.endLine}`)}${hit.symbol ? ` ${bold(hit.symbol)}` : ''} ${dim(hit.score.toFixed(2))}`);
      for (const line of hit.lines) context.out(`    ${dim(String(line.line).padStart(5))}  ${line.text}`);
    }
    if (hits.length === 0) {
      context.err(`Nothing matches \`${text}\`.`);
      process.exitCode = 1;
    }
  });
}

/** `locate "<description>"` or `locate --file issue.md` */
export function runLocate(text: string | undefined, options: QueryOptions & { file?: string }, context: CommandContext): void {
  let description = text ?? '';
  if (options.file) {
    try {
      description = `${description}\n${readFileSync(options.file, 'utf8')}`;
    } catch (error) {
      throw new CodewrightError({ code: 'INVALID_ARGUMENT', message: `Cannot read ${options.file}: ${(error as NodeJS.ErrnoException).code}. Give a readable file with --file.` });
    }
  }
  withIndex(options.root, (db) => {
    const files = locate(db, description, { limit: limitOf(options, 10) });
    if (options.json) return printJson(context, files);
    const { cyan, dim, bold } = context.colors;
    files.forEach((file, rank) => {
      const signals = Object.entries(file.signals)
        .filter(([, value]) => value > 0.005)
        .map(([name, value]) => `${name} ${value.toFixed(2)}`)
        .join(', ');
      context.out(`${String(rank + 1).padStart(2)}. ${cyan(file.path)} ${bold(file.score.toFixed(2))} ${dim(`(${signals})`)}`);
      for (const symbol of file.symbols) context.out(`      ${symbol.qualifiedName} ${dim(`${symbol.kind} line ${symbol.line}`)}`);
    });
  });
}

/** `map` */
export function runMap(options: QueryOptions & { format?: string }, context: CommandContext): void {
  const format = options.json ? 'json' : (options.format ?? 'text');
  if (!['text', 'json', 'mermaid'].includes(format)) {
    throw new CodewrightError({ code: 'INVALID_ARGUMENT', message: `--format takes text, json or mermaid, not \`${format}\`.` });
  }
  withIndex(options.root, (db) => {
    const map = repositoryMap(db, { limit: limitOf(options, 15) });
    if (format === 'json') printJson(context, map);
    else if (format === 'mermaid') context.out(mapToMermaid(map));
    else context.out(formatMapText(map, context.colors));
  });
}

/** `stats` */
export function runStats(options: QueryOptions, context: CommandContext): void {
  withIndex(options.root, (db, root) => {
    const stats = indexStats(db, root);
    if (options.json) return printJson(context, stats);
    const { bold, yellow, dim } = context.colors;
    context.out(`${bold('index')} ${stats.root} ${dim(`(${(stats.databaseBytes / 1024 / 1024).toFixed(1)} MB, indexed ${stats.indexedAt ?? 'never completed'})`)}`);
    context.out(`  files       ${Object.entries(stats.files).map(([status, count]) => `${status} ${count}`).join(', ')}`);
    context.out(`  languages   ${Object.entries(stats.languages).map(([language, count]) => `${language} ${count}`).join(', ')}`);
    const other = Object.entries(stats.otherFiles).sort((a, b) => b[1] - a[1]);
    if (other.length > 0) context.out(`  other files ${other.slice(0, 8).map(([kind, count]) => `${kind} ${count}`).join(', ')}${other.length > 8 ? ', …' : ''} (counted, not parsed)`);
    context.out(`  symbols     ${stats.symbols}`);
    context.out(`  references  ${stats.references} (${stats.preciseReferences} resolved precisely)`);
    context.out(`  imports     ${stats.imports} (${stats.resolvedImports} to files of the repository)`);
    context.out(`  history     ${stats.commits} commits, ${stats.fixCommits} fixes`);
    const freshness = stats.stale.length + stats.missing.length;
    context.out(
      freshness === 0
        ? '  freshness   up to date'
        : yellow(`  freshness   ${stats.stale.length} changed and ${stats.missing.length} deleted since indexing: run \`codewright index\``),
    );
  });
}
