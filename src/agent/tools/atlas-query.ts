/** Runs an atlas query for a tool: on a fresh index of the worktree, with expected failures turned into advice for the model. */
import type { DatabaseSync } from 'node:sqlite';
import { findSymbols } from '../../atlas/query/find.ts';
import { resolveSymbolSpec } from '../../atlas/query/symbols.ts';
import type { StoredSymbol } from '../../atlas/query/symbols.ts';
import { CodewrightError } from '../../core/errors.ts';
import type { Result } from '../../core/result.ts';
import { fail, ok } from '../../core/result.ts';
import { isSecretPath } from '../safety/secret-files.ts';
import type { ToolRuntime } from './tool-runtime.ts';

/** Symbol specs as the atlas tools accept them, for input descriptions. */
export const symbolSpecDescription = 'A definition: a name (`parseConfig`), `Class.method`, `path#name`, or `path:line` (the definition around that line)';

/**
 * Runs `work` on the worktree's index (re-indexed first after edits) and finishes its text.
 * Codewright errors (index busy or unusable, bad arguments) come back as text; others throw.
 */
export async function atlasQuery(runtime: ToolRuntime, work: (db: DatabaseSync, root: string) => string | Promise<string>, hint: string): Promise<string> {
  try {
    return runtime.finish(await runtime.atlas.query(work), hint);
  } catch (error) {
    if (!CodewrightError.isInstance(error)) throw error;
    return runtime.finish(`atlas query failed: ${error.message}`, hint);
  }
}

/** The definitions `spec` names, or a message with the closest names when there are none. */
export function resolveSpec(db: DatabaseSync, spec: string): Result<StoredSymbol[], string> {
  if (spec.trim() === '') return fail(`give a definition: ${symbolSpecDescription}`);
  const symbols = resolveSymbolSpec(db, spec);
  if (symbols.length > 0) return ok(symbols);
  const name = spec.includes('#') ? spec.slice(spec.lastIndexOf('#') + 1) : spec.replace(/:\d+$/, '');
  const close = /:\d+$/.test(spec) ? [] : findSymbols(db, name.slice(name.lastIndexOf('.') + 1), { limit: 5 });
  const suggestion = close.length > 0 ? `; close names: ${close.map(({ symbol }) => `${symbol.qualifiedName} (${symbol.location.path}:${symbol.location.startLine})`).join(', ')}` : '';
  const hint = /:\d+$/.test(spec) ? 'no definition encloses that line; check the path and line with read' : 'try find with part of the name, or search for text';
  return fail(`no definition named \`${spec}\` in the index${suggestion}. ${suggestion ? 'Use one of them' : hint}`);
}

/** `items` without those in secret files: their lines and names are never shown to a model. */
export function withoutSecrets<T>(runtime: ToolRuntime, items: readonly T[], pathOf: (item: T) => string): T[] {
  return items.filter((item) => !isSecretPath(pathOf(item), runtime.context.secretPolicy));
}
