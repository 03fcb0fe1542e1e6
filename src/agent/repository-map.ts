/** A short text map of the repository for a candidate's first prompt: modules, entry points and key symbols. */
import { openIndex } from '../atlas/store/database.ts';
import { repositoryMap } from '../atlas/query/map.ts';

/** At most a few dozen lines; undefined when the index cannot be read. */
export function repositoryMapText(root: string, limit = 12): string | undefined {
  let db;
  try {
    db = openIndex(root, { writable: false });
  } catch {
    return undefined;
  }
  try {
    const map = repositoryMap(db, { limit });
    const lines = ['Modules (files, lines):', ...map.modules.slice(0, limit).map((module) => `  ${module.name} (${module.files} files, ${module.lines} lines)`)];
    if (map.entryPoints.length > 0) lines.push('Entry points:', ...map.entryPoints.slice(0, limit).map((entry) => `  ${entry.path} (${entry.why})`));
    if (map.keySymbols.length > 0) lines.push('Most imported symbols:', ...map.keySymbols.slice(0, limit).map((symbol) => `  ${symbol.qualifiedName} (${symbol.kind}, ${symbol.path}:${symbol.line})`));
    return lines.join('\n');
  } finally {
    db.close();
  }
}
