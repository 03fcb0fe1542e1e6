/** Whether the functions a change documented include what `document <path|symbol>` asked for. */
import { inTargetPath, matchesSymbol, readTarget } from './shared/common-target.ts';
import type { DocumentedFunction } from './document-types.ts';

/** True when some documented function lies in the target's path and has the target's name (or belongs to it). */
export function documentsTarget(target: string | undefined, documented: readonly DocumentedFunction[]): boolean {
  if (!target || target.trim() === '') return true;
  const { path, symbol } = readTarget(target);
  return documented.some((item) => (!path || inTargetPath(item.path, path)) && (!symbol || matchesSymbol(item.name, symbol)));
}
