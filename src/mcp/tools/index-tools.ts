/** `index_status`: what the index holds and how fresh it is, and refreshing it (the incremental index run of `codewright index`). */
import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import type { IndexStats } from '../../atlas/query/stats.ts';
import { indexStats } from '../../atlas/query/stats.ts';
import type { IndexSummary } from '../../atlas/index/summary.ts';
import { progressReporter } from '../progress.ts';
import { runTool, withNotes } from '../tool-result.ts';
import type { ToolContext } from './tool-context.ts';

const listed = (paths: readonly string[], limit: number) => `${paths.slice(0, limit).join(', ')}${paths.length > limit ? `, … (${paths.length - limit} more)` : ''}`;
const counts = (record: Record<string, number>) => Object.entries(record).map(([key, count]) => `${key} ${count}`).join(', ') || 'none';

/** The status as compact lines. */
export function formatIndexStats(stats: IndexStats, staleLimit: number): string {
  const lines = [
    `index of ${stats.root}: last indexed ${stats.indexedAt ?? 'never completed'} (${(stats.databaseBytes / 1024 / 1024).toFixed(1)} MB)`,
    `files: ${counts(stats.files)}; languages: ${counts(stats.languages)}`,
    `symbols ${stats.symbols}, references ${stats.references} (${stats.preciseReferences} resolved precisely), imports ${stats.imports} (${stats.resolvedImports} to repository files)`,
    `history: ${stats.commits} commits, ${stats.fixCommits} fixes`,
  ];
  if (stats.stale.length + stats.missing.length === 0) lines.push('freshness: up to date');
  else {
    lines.push(`freshness: STALE: ${stats.stale.length} files changed and ${stats.missing.length} deleted since indexing; answers about them may be out of date. Call index_status with refresh: true.`);
    if (stats.stale.length > 0) lines.push(`changed: ${listed(stats.stale, staleLimit)}`);
    if (stats.missing.length > 0) lines.push(`deleted: ${listed(stats.missing, staleLimit)}`);
  }
  return lines.join('\n');
}

function formatRun(summary: IndexSummary): string {
  const history = 'unavailable' in summary.history ? summary.history.unavailable : `${summary.history.newCommits} new commits`;
  return `refreshed in ${(summary.milliseconds / 1000).toFixed(2)} s: ${summary.parsed} files parsed, ${summary.unchanged} unchanged, ${summary.added} new, ${summary.removed} removed; history: ${history}; files: ${summary.scan}`;
}

/** Registers `index_status` on `server`. */
export function registerIndexTools(server: McpServer, { repository, logger }: ToolContext): void {
  server.registerTool(
    'index_status',
    {
      title: 'Index status and refresh',
      description:
        'How fresh the code index is (files, last indexed, files changed or deleted since), and with `refresh: true` bring it up to date (incremental: only changed files are re-read). Call it with refresh after editing files, before querying them again, and name the files you changed in `changed` to skip the scan of the whole tree. A missing index is built on first use by any tool.',
      inputSchema: z.object({
        refresh: z.boolean().optional().describe('Re-index what changed before reporting (default false).'),
        history: z.boolean().optional().describe('With refresh: also mine new git commits (default true).'),
        stale_limit: z.number().int().min(0).max(500).optional().describe('List at most this many changed or deleted paths (default 20).'),
        changed: z
          .array(z.string())
          .max(1000)
          .optional()
          .describe('With refresh: the files you changed or deleted, relative to the repository root; only they are looked at (a file new to the index makes the refresh scan everything).'),
      }),
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    ({ refresh, history, stale_limit, changed }, context) =>
      runTool('index_status', logger, async () => {
        const report = progressReporter(context);
        const onEvent = (event: { type: string; stage?: string }) => {
          if (event.type === 'stage-start') report(`index: ${event.stage}`);
        };
        const run = refresh ? await repository.refresh({ history: history !== false, onEvent, ...(changed ? { changedPaths: changed } : {}) }) : undefined;
        const { value: stats, notes } = await repository.read((db, root) => indexStats(db, root), { onEvent });
        const text = formatIndexStats(stats, stale_limit ?? 20);
        return withNotes(notes, run ? `${formatRun(run)}\n${text}` : text);
      }),
  );
}
