/** `codewright index [path]`: build or update the index, with progress on stderr and a summary. */
import { resolve } from 'node:path';
import { indexRepository } from '../../atlas/index/run-index.ts';
import { createLogger } from '../../core/logger.ts';
import type { IndexEvent } from '../../atlas/index/events.ts';
import type { IndexSummary } from '../../atlas/index/summary.ts';
import type { CommandContext } from '../context.ts';
import { printJson } from '../context.ts';

export interface IndexCommandOptions {
  json?: boolean;
  history?: boolean;
  precise?: boolean;
  rebuild?: boolean;
  watch?: boolean;
  changed?: string[];
  wait?: string;
  threads?: string;
  maxFileSize?: string;
  longevityBudget?: string;
}

function progressRenderer(context: CommandContext): (event: IndexEvent) => void {
  let lastDraw = 0;
  let started = performance.now();
  return (event) => {
    if (event.type === 'stage-start') {
      started = performance.now();
      if (!context.stderrIsTTY) context.err(`index: ${event.stage}…`);
    } else if (event.type === 'stage-end') {
      if (context.stderrIsTTY) process.stderr.write('\r\u001b[K');
      context.err(`index: ${event.stage} done in ${event.milliseconds} ms${event.detail ? ` (${event.detail})` : ''}`);
    } else if (event.type === 'parse-progress' && context.stderrIsTTY) {
      const now = performance.now();
      if (now - lastDraw < 80 && event.done !== event.total) return;
      lastDraw = now;
      const rate = Math.round(event.done / Math.max(0.001, (now - started) / 1000));
      process.stderr.write(`\r\u001b[Kparsing ${event.done}/${event.total} files (${rate}/s) ${event.path.slice(-60)}`);
    } else if (event.type === 'warning') {
      context.err(`index: warning: ${event.message}`);
    }
  };
}

/** Renders the end-of-run summary as text. */
export function formatSummary(summary: IndexSummary, context: CommandContext): string {
  const { bold, dim, yellow } = context.colors;
  const lines = [
    `${bold('indexed')} ${summary.root} in ${(summary.milliseconds / 1000).toFixed(2)} s`,
    `  files      ${summary.files} (${Object.entries(summary.byLanguage).map(([language, count]) => `${language} ${count}`).join(', ') || 'none'})`,
    `  this run   ${summary.parsed} parsed, ${summary.unchanged} unchanged, ${summary.added} new, ${summary.removed} removed`,
    `  symbols    ${summary.symbols}`,
    `  references ${summary.references}`,
    `  imports    ${summary.imports}`,
  ];
  if ('unavailable' in summary.history) lines.push(`  history    ${dim(summary.history.unavailable)}`);
  else lines.push(`  history    ${summary.history.commits} commits (${summary.history.newCommits} new), ${summary.history.fixCommits} fixes`);
  if (summary.precise) {
    lines.push(
      'failed' in summary.precise
        ? `  precise    ${yellow(summary.precise.failed)}`
        : `  precise    ${summary.precise.resolved}/${summary.precise.identifiers} identifiers resolved in ${(summary.precise.milliseconds / 1000).toFixed(1)} s`,
    );
  }
  if (summary.unsupported > 0) lines.push(`  other      ${summary.unsupported} files in languages codewright does not parse (counted)`);
  const listed = (title: string, entries: { path: string; reason: string }[]) => {
    if (entries.length === 0) return;
    lines.push(`  ${title} ${entries.length}:`);
    for (const entry of entries.slice(0, 10)) lines.push(`    ${entry.path}: ${dim(entry.reason)}`);
    if (entries.length > 10) lines.push(dim(`    … and ${entries.length - 10} more (see --json)`));
  };
  listed('partial', summary.partial);
  listed('skipped', summary.skipped);
  return lines.join('\n');
}

function parsePositive(value: string | undefined, name: string, scale = 1): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) throw new TypeError(`--${name} takes a non-negative number, got \`${value}\`.`);
  return number * scale;
}

/** Runs the index command. */
export async function runIndexCommand(path: string, options: IndexCommandOptions, context: CommandContext): Promise<void> {
  const indexOptions = {
    history: options.history !== false,
    precise: Boolean(options.precise),
    rebuild: Boolean(options.rebuild),
    waitMs: parsePositive(options.wait, 'wait', 1000),
    threads: parsePositive(options.threads, 'threads'),
    maxFileSize: parsePositive(options.maxFileSize, 'max-file-size', 1024),
    longevityBudgetMs: parsePositive(options.longevityBudget, 'longevity-budget', 1000),
    onEvent: progressRenderer(context),
    logger: createLogger({ level: 'info' }),
    // Named from the current folder, as paths on a command line are.
    ...(options.changed ? { changedPaths: options.changed.map((changed) => resolve(changed)) } : {}),
  };
  if (options.watch && options.changed) throw new TypeError('--changed and --watch do not go together: --watch finds the changed files itself.');
  if (options.watch) {
    const { watchRepository } = await import('../../atlas/index/watch.ts');
    await watchRepository(path, indexOptions, (summary, first) => {
      if (options.json) printJson(context, summary);
      else if (first) context.out(formatSummary(summary, context));
      else context.err(`index: updated (${summary.parsed} parsed, ${summary.removed} removed; ${summary.scan}) in ${summary.milliseconds} ms`);
    });
    return;
  }
  const summary = await indexRepository(path, indexOptions);
  if (options.json) printJson(context, summary);
  else context.out(formatSummary(summary, context));
}
