/** What every tool group needs: the repository it answers for, the logger, and symbol specs resolved with suggestions. */
import type { DatabaseSync } from 'node:sqlite';
import { findSymbols } from '../../atlas/query/find.ts';
import { resolveSymbolSpec } from '../../atlas/query/symbols.ts';
import type { StoredSymbol } from '../../atlas/query/symbols.ts';
import { CodewrightError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import type { McpRepository } from '../repository.ts';
import { repositorySymbolSpec } from '../repository-path.ts';

/** Shared by the tool groups of one server. */
export interface ToolContext {
  repository: McpRepository;
  logger: Logger;
}

/** How a symbol argument is described to models, the same for every tool that takes one. */
export const symbolDescription =
  'The definition: a name (`parseConfig`), a qualified name (`Config.parse`), `path:line` (the innermost definition around that line) or `path#name`. Paths are relative to the repository root.';

/** The definitions `spec` names, or NOT_FOUND listing close names the model can call again with. */
export function resolveTargets(db: DatabaseSync, root: string, spec: string): StoredSymbol[] {
  const confined = repositorySymbolSpec(root, spec);
  const targets = resolveSymbolSpec(db, confined);
  if (targets.length > 0) return targets;
  const name = confined.replace(/^.*[#:]/, '').replace(/^.*\./, '');
  const close = /^\d+$/.test(name) ? [] : findSymbols(db, name, { limit: 5 });
  const suggestions = close.map(({ symbol }) => `\`${symbol.qualifiedName}\` (${symbol.kind}, ${symbol.location.path}:${symbol.location.startLine})`);
  throw new CodewrightError({
    code: 'NOT_FOUND',
    message: `No definition matches \`${spec}\`.${suggestions.length > 0 ? ` Close names: ${suggestions.join(', ')}; call again with one of them.` : ' Try the `find` or `search` tool.'} If the code is new, call \`index_status\` with \`refresh: true\` first.`,
    data: { spec },
  });
}
