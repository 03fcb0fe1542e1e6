/** Atlas tools over definitions: `find`, `refs`, `callers` and `outline`. */
import { existsSync } from 'node:fs';
import { tool } from 'ai';
import { z } from 'zod';
import { languageOf } from '../../atlas/languages.ts';
import { findSymbols } from '../../atlas/query/find.ts';
import { outlineFile } from '../../atlas/query/outline.ts';
import { findCallers, findReferences } from '../../atlas/query/references.ts';
import { atlasQuery, resolveSpec, symbolSpecDescription, withoutSecrets } from './atlas-query.ts';
import { formatCallers, formatFind, formatOutline, formatReferences } from './format-symbols.ts';
import { notFound, resolvePath } from './text-file.ts';
import type { ToolRuntime } from './tool-runtime.ts';

const limit = (fallback: number) => z.number().int().min(1).max(500).optional().describe(`At most this many results (default ${fallback})`);

/** The `find`, `refs`, `callers` and `outline` tools. */
export function createDefinitionTools(runtime: ToolRuntime) {
  return {
    find: tool({
      description: 'Find where functions, classes, methods, types or variables are defined, by exact, qualified or approximate name. Returns file:line and signature.',
      inputSchema: z.object({
        name: z.string().min(1).describe('A name or part of one: `parseConfig`, `Cart.total`, `config parse`'),
        kind: z.string().optional().describe('Only this kind: function, class, method, interface, type, variable, ...'),
        limit: limit(20),
      }),
      execute: (input) =>
        atlasQuery(runtime, (db) => {
            const found = findSymbols(db, input.name, { limit: input.limit ?? 20, ...(input.kind ? { kind: input.kind } : {}) });
            return formatFind(input.name, withoutSecrets(runtime, found, (result) => result.symbol.location.path));
          }, 'lower limit or give kind'),
    }),
    refs: tool({
      description: 'List every use of a definition (calls, reads, writes, type uses, imports) as file:line:column with the line text. Check these before changing a signature.',
      inputSchema: z.object({ symbol: z.string().describe(symbolSpecDescription), limit: limit(100) }),
      execute: (input) =>
        atlasQuery(
          runtime,
          (db, root) => {
            const targets = resolveSpec(db, input.symbol);
            if (!targets.success) return targets.error;
            const max = input.limit ?? 100;
            const references = findReferences(db, root, targets.value, { limit: max });
            return formatReferences(input.symbol, targets.value, withoutSecrets(runtime, references, (reference) => reference.path), max);
          },
          'lower limit, or narrow the symbol with path#name',
        ),
    }),
    callers: tool({
      description: 'List the functions and methods that call (or construct) a definition, with each call site.',
      inputSchema: z.object({ symbol: z.string().describe(symbolSpecDescription) }),
      execute: (input) =>
        atlasQuery(
          runtime,
          (db, root) => {
            const targets = resolveSpec(db, input.symbol);
            if (!targets.success) return targets.error;
            return formatCallers(input.symbol, targets.value, withoutSecrets(runtime, findCallers(db, root, targets.value), (caller) => caller.path));
          },
          'narrow the symbol with path#name',
        ),
    }),
    outline: tool({
      description: "List a file's definitions as a tree with line ranges: a quick map of a file before reading parts of it.",
      inputSchema: z.object({ path: z.string().describe('File path relative to the repository root') }),
      execute: async (input) => {
        const resolved = resolvePath(runtime, input.path);
        if (!resolved.success) return runtime.finish(resolved.error);
        const path = resolved.value;
        if (!existsSync(path.absolute)) return runtime.finish(await notFound(runtime, path));
        if (!languageOf(path.relative)) return runtime.finish(`${path.relative} is not in a language codewright parses (TypeScript, JavaScript, Python, Java, Go, Rust, C, C++); read it instead`);
        return atlasQuery(runtime, (db) => formatOutline(outlineFile(db, path.relative)), 'read the file in parts instead');
      },
    }),
  };
}
