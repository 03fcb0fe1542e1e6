/** Navigation tools: `find`, `refs`, `callers`, `callees` and `outline`, over the same atlas queries as the CLI. */
import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { findSymbols } from '../../atlas/query/find.ts';
import { outlineFile } from '../../atlas/query/outline.ts';
import { findCallees, findCallers, findReferences } from '../../atlas/query/references.ts';
import { calleeLine, callerLines, findLines, outlineLines, referenceLine, targetsHeader } from '../format/symbols.ts';
import { pageArguments, pageFooter, pageOf, pageOfRanked } from '../paginate.ts';
import { repositoryPath } from '../repository-path.ts';
import { runTool, withNotes } from '../tool-result.ts';
import { resolveTargets, symbolDescription, type ToolContext } from './tool-context.ts';

const kinds = ['function', 'method', 'class', 'interface', 'type', 'enum', 'enum-member', 'variable', 'constant', 'property', 'field', 'module', 'namespace', 'struct', 'trait', 'macro', 'constructor'] as const;
const readOnly = { readOnlyHint: true, openWorldHint: false } as const;
const symbolArgument = z.string().min(1, 'Give a symbol: a name, `Class.method`, `path:line` or `path#name`.').describe(symbolDescription);

const lines = (...parts: (string | string[])[]) => parts.flat().filter((part) => part !== '').join('\n');

/** Registers the navigation tools on `server`. */
export function registerSymbolTools(server: McpServer, { repository, logger }: ToolContext): void {
  server.registerTool(
    'find',
    {
      title: 'Find definitions',
      description: 'Find where something is defined, by exact, qualified (`Class.method`), prefix, word or fuzzy name; best matches first. Use it before reading or calling code you have not seen, to learn its file, line and signature.',
      inputSchema: z.object({
        name: z.string().min(1, 'Give the name to look for, e.g. `parseConfig` or `Config.parse`.').describe('The name to look for: `parseConfig`, `Config.parse`, a prefix, or a misspelling.'),
        kind: z.enum(kinds).optional().describe('Only definitions of this kind.'),
        ...pageArguments,
      }),
      annotations: readOnly,
    },
    ({ name, kind, limit, cursor }) =>
      runTool('find', logger, async () => {
        const { value: page, notes } = await repository.read((db) => pageOfRanked((count) => findSymbols(db, name, { limit: count, kind }), cursor, limit ?? 20));
        const body = page.items.length === 0 ? `No definition matches \`${name}\`. Try the \`search\` tool for text matches.` : lines(findLines(page.items), pageFooter(page, 'definitions'));
        return withNotes(notes, body);
      }),
  );

  server.registerTool(
    'refs',
    {
      title: 'References',
      description: 'Every use of a definition (calls, reads, imports, type uses) as `path:line:column [kind] source line (in enclosing definition)`. Use it before changing a signature or behaviour to see what depends on it.',
      inputSchema: z.object({ symbol: symbolArgument, ...pageArguments }),
      annotations: readOnly,
    },
    ({ symbol, limit, cursor }) =>
      runTool('refs', logger, async () => {
        const { value, notes } = await repository.read((db, root) => {
          const targets = resolveTargets(db, root, symbol);
          return { targets, page: pageOf(findReferences(db, root, targets), cursor, limit ?? 50) };
        });
        const body = value.page.total === 0 ? 'no references found' : lines(value.page.items.map(referenceLine), pageFooter(value.page, 'references'));
        return withNotes(notes, lines(targetsHeader(value.targets), `${value.page.total} references:`, body));
      }),
  );

  server.registerTool(
    'callers',
    {
      title: 'Callers',
      description: 'The definitions that call (or construct) a definition, each with its call sites. Use it to see who is affected by a change to a function.',
      inputSchema: z.object({ symbol: symbolArgument, ...pageArguments }),
      annotations: readOnly,
    },
    ({ symbol, limit, cursor }) =>
      runTool('callers', logger, async () => {
        const { value, notes } = await repository.read((db, root) => {
          const targets = resolveTargets(db, root, symbol);
          return { targets, page: pageOf(findCallers(db, root, targets), cursor, limit ?? 20) };
        });
        const body = value.page.total === 0 ? 'no callers found' : lines(value.page.items.flatMap(callerLines), pageFooter(value.page, 'callers'));
        return withNotes(notes, lines(targetsHeader(value.targets), `${value.page.total} callers:`, body));
      }),
  );

  server.registerTool(
    'callees',
    {
      title: 'Callees',
      description: 'The calls a definition makes, in order, each resolved to the definition it reaches when the index knows it. Use it to understand what a function depends on.',
      inputSchema: z.object({ symbol: symbolArgument, ...pageArguments }),
      annotations: readOnly,
    },
    ({ symbol, limit, cursor }) =>
      runTool('callees', logger, async () => {
        const { value, notes } = await repository.read((db, root) => {
          const sources = resolveTargets(db, root, symbol);
          const calls = sources.flatMap((source) => findCallees(db, root, source).map((callee) => ({ source, callee })));
          return { sources, page: pageOf(calls, cursor, limit ?? 50) };
        });
        const body = value.page.items.map(({ source, callee }) => `${value.sources.length > 1 ? `${source.qualifiedName}: ` : ''}${calleeLine(callee)}`);
        return withNotes(notes, lines(targetsHeader(value.sources), `${value.page.total} calls:`, body, pageFooter(value.page, 'calls')));
      }),
  );

  server.registerTool(
    'outline',
    {
      title: 'File outline',
      description: "A file's definitions as an indented tree (`kind name start-end`), without reading the file. Use it to find what to read in a large file.",
      inputSchema: z.object({
        path: z.string().min(1, 'Give a file path relative to the repository root, e.g. `src/index.ts`.').describe('The file, relative to the repository root (e.g. `src/index.ts`).'),
        ...pageArguments,
      }),
      annotations: readOnly,
    },
    ({ path, limit, cursor }) =>
      runTool('outline', logger, async () => {
        const { value, notes } = await repository.read((db, root) => {
          const outline = outlineFile(db, repositoryPath(root, path));
          return { outline, page: pageOf(outlineLines(outline.nodes), cursor, limit ?? 200) };
        });
        const { outline, page } = value;
        const status = outline.status === 'indexed' ? '' : `, ${outline.status}: ${outline.reason}`;
        return withNotes(notes, lines(`${outline.path} (${outline.language ?? 'unsupported'}${status})`, page.items, pageFooter(page, 'lines')));
      }),
  );
}
