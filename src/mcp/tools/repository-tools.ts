/** Whole-repository tools: `search`, `locate`, `map` and `history`, over the same atlas queries as the CLI. */
import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { historyOf } from '../../atlas/query/history.ts';
import { formatHistoryText } from '../../atlas/query/history-text.ts';
import { locate } from '../../atlas/query/locate.ts';
import { mapToMermaid, repositoryMap } from '../../atlas/query/map.ts';
import { formatMapText } from '../../atlas/query/map-text.ts';
import { searchCode } from '../../atlas/query/search.ts';
import { clipLine } from '../format/symbols.ts';
import { pageArguments, pageFooter, pageOfRanked } from '../paginate.ts';
import { repositoryPath, repositorySymbolSpec } from '../repository-path.ts';
import { runTool, withNotes } from '../tool-result.ts';
import type { ToolContext } from './tool-context.ts';

const readOnly = { readOnlyHint: true, openWorldHint: false } as const;

/** A history target that names a file is confined to the repository; a symbol spec keeps its form. */
function historyTarget(root: string, target: string): string {
  const isSpec = /(:\d+|#.+)$/.test(target.trim());
  return !isSpec && (/[/\\]/.test(target) || target.trim().startsWith('.')) ? repositoryPath(root, target) : repositorySymbolSpec(root, target);
}

/** Registers the repository-wide tools on `server`. */
export function registerRepositoryTools(server: McpServer, { repository, logger }: ToolContext): void {
  server.registerTool(
    'search',
    {
      title: 'Search code',
      description: 'Full-text search over the code (BM25, identifier-aware: `parseConfig` also matches `parse_config` and "parse config"), boosted by definition names and paths. Returns ranked chunks with their matching lines.',
      inputSchema: z.object({ text: z.string().min(1, 'Give words or identifiers to look for, e.g. "parse config".').describe('Words or identifiers to look for.'), ...pageArguments }),
      annotations: readOnly,
    },
    ({ text, limit, cursor }) =>
      runTool('search', logger, async () => {
        const { value: page, notes } = await repository.read((db, root) => pageOfRanked((count) => searchCode(db, root, text, { limit: count }), cursor, limit ?? 10));
        if (page.items.length === 0) return withNotes(notes, `Nothing matches \`${text}\`.`);
        const hits = page.items.flatMap((hit) => [
          `${hit.path}:${hit.startLine}-${hit.endLine}${hit.symbol ? ` ${hit.symbol}` : ''} (score ${hit.score.toFixed(1)})`,
          ...hit.lines.map((line) => `    ${line.line}: ${clipLine(line.text)}`),
        ]);
        return withNotes(notes, [...hits, pageFooter(page, 'results')].filter(Boolean).join('\n'));
      }),
  );

  server.registerTool(
    'locate',
    {
      title: 'Locate the code for a problem',
      description: 'Given a bug report or feature request in words, rank the files (and their symbols) most likely to need a change, using text, names, paths, the import graph, tests and fix history. Start here on an unfamiliar task.',
      inputSchema: z.object({
        description: z.string().min(1, 'Describe the problem in words, e.g. "crash when the config file is empty".').describe('The problem or feature, in words; paste the issue text.'),
        limit: z.number().int().min(1).max(50).optional().describe('How many files (1-50, default 10).'),
      }),
      annotations: readOnly,
    },
    ({ description, limit }) =>
      runTool('locate', logger, async () => {
        const { value: files, notes } = await repository.read((db) => locate(db, description, { limit: limit ?? 10 }));
        const lines = files.flatMap((file, rank) => {
          const signals = Object.entries(file.signals).filter(([, value]) => value > 0.005).map(([name, value]) => `${name} ${value.toFixed(2)}`).join(', ');
          return [`${rank + 1}. ${file.path} (score ${file.score.toFixed(2)}: ${signals})`, ...file.symbols.map((symbol) => `    ${symbol.kind} ${symbol.qualifiedName} line ${symbol.line}`)];
        });
        return withNotes(notes, lines.length > 0 ? lines.join('\n') : 'No file matches the description; try other words or the `search` tool.');
      }),
  );

  server.registerTool(
    'map',
    {
      title: 'Repository map',
      description: 'The architecture at a glance: modules with sizes and languages, imports between modules, entry points, the most depended-on symbols and the hot spots of the history. Read it first in an unfamiliar repository.',
      inputSchema: z.object({
        limit: z.number().int().min(1).max(50).optional().describe('Entries per section for entry points, key symbols and hot spots (1-50, default 15).'),
        format: z.enum(['text', 'mermaid']).optional().describe('`text` (default) or a `mermaid` flowchart of the module graph.'),
      }),
      annotations: readOnly,
    },
    ({ limit, format }) =>
      runTool('map', logger, async () => {
        const { value: map, notes } = await repository.read((db) => repositoryMap(db, { limit: limit ?? 15 }));
        return withNotes(notes, format === 'mermaid' ? mapToMermaid(map) : formatMapText(map));
      }),
  );

  server.registerTool(
    'history',
    {
      title: 'History of a file or symbol',
      description: 'Git history of a file (commits, churn, fix commits, files that change with it, how long fixes survive) or of a symbol (the commits that touched its lines). Use it to learn why code is the way it is before changing it.',
      inputSchema: z.object({
        target: z.string().min(1, 'Give a file path or a symbol, e.g. `src/config.ts` or `parseConfig`.').describe('A file path relative to the repository root, or a symbol (`name`, `Class.method`, `path:line`, `path#name`).'),
        limit: z.number().int().min(1).max(100).optional().describe('At most this many commits (1-100, default 20).'),
      }),
      annotations: readOnly,
    },
    ({ target, limit }) =>
      runTool('history', logger, async () => {
        const { value: answer, notes } = await repository.read((db, root) => historyOf(db, root, historyTarget(root, target), { limit: limit ?? 20 }));
        return withNotes(notes, formatHistoryText(answer));
      }),
  );
}
