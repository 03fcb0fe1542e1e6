/** Atlas tools over the whole repository: `search`, `locate`, `map` and `history`. */
import { tool } from 'ai';
import { z } from 'zod';
import { historyOf } from '../../atlas/query/history.ts';
import { locate } from '../../atlas/query/locate.ts';
import { repositoryMap } from '../../atlas/query/map.ts';
import { searchCode } from '../../atlas/query/search.ts';
import { resolveSymbolSpec } from '../../atlas/query/symbols.ts';
import { queryTerms } from '../../atlas/text/tokenize.ts';
import { atlasQuery, resolveSpec, withoutSecrets } from './atlas-query.ts';
import { formatHistory, formatLocate, formatMap, formatSearch } from './format-repository.ts';
import type { ToolRuntime } from './tool-runtime.ts';

const limit = (fallback: number) => z.number().int().min(1).max(100).optional().describe(`At most this many results (default ${fallback})`);
const noWords = (example: string) => `the text has no words to look for; give identifiers or words, e.g. \`${example}\``;

/** The `search`, `locate`, `map` and `history` tools. */
export function createRepositoryTools(runtime: ToolRuntime) {
  return {
    search: tool({
      description: 'Full-text search over the code (identifier-aware: `parseConfig` also finds parse_config). Returns ranked file:line ranges with matching lines.',
      inputSchema: z.object({ query: z.string().describe('Words or identifiers, e.g. `retry backoff` or `parseConfig`'), limit: limit(10) }),
      execute: (input) =>
        atlasQuery(
          runtime,
          (db, root) => (queryTerms(input.query).length === 0 ? noWords('parse config') : formatSearch(input.query, withoutSecrets(runtime, searchCode(db, root, input.query, { limit: input.limit ?? 10 }), (hit) => hit.path))),
          'narrow the query or lower limit',
        ),
    }),
    locate: tool({
      description:
        'Rank the files and definitions most likely to need a change for a problem description (an issue, an error message, a feature). Start here on a new task.',
      inputSchema: z.object({ description: z.string().describe('The problem in words; name identifiers and error text when you have them'), limit: limit(10) }),
      execute: (input) =>
        atlasQuery(
          runtime,
          (db) => (queryTerms(input.description).length === 0 ? noWords('crash when the config file is empty') : formatLocate(withoutSecrets(runtime, locate(db, input.description, { limit: input.limit ?? 10 }), (file) => file.path))),
          'lower limit',
        ),
    }),
    map: tool({
      description: 'The architecture at a glance: modules with sizes, imports between them, entry points, the most imported definitions and the most changed files.',
      inputSchema: z.object({ limit: limit(15) }),
      execute: (input) => atlasQuery(runtime, (db) => formatMap(repositoryMap(db, { limit: input.limit ?? 15 })), 'lower limit'),
    }),
    history: tool({
      description: 'Git history of a file (commits, fixes, files changed with it) or of a definition (the commits that touched its lines). Useful to learn why code is as it is.',
      inputSchema: z.object({
        target: z.string().describe('A file path relative to the repository root, or a definition (`name`, `Class.method`, `path#name`)'),
        limit: limit(10),
      }),
      execute: (input) =>
        atlasQuery(
          runtime,
          async (db, root) => {
            const path = input.target.replace(/^\.\//, '');
            const isFile = db.prepare('SELECT 1 FROM files WHERE path = ?').get(path) !== undefined;
            if (!isFile && resolveSymbolSpec(db, input.target).length === 0) {
              const missing = resolveSpec(db, input.target);
              return missing.success ? '' : `${path} is neither an indexed file nor a definition: ${missing.error}`;
            }
            return formatHistory(await historyOf(db, root, input.target, { limit: input.limit ?? 10 }));
          },
          'lower limit',
        ),
    }),
  };
}
