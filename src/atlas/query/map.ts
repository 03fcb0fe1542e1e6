/** `map`: the architecture at a glance: modules, their import graph, entry points, key symbols, hot spots. */
import type { DatabaseSync } from 'node:sqlite';

export interface ModuleInfo {
  name: string;
  files: number;
  lines: number;
  symbols: number;
  languages: Record<string, number>;
}

export interface RepositoryMap {
  modules: ModuleInfo[];
  edges: { from: string; to: string; imports: number }[];
  entryPoints: { path: string; why: string }[];
  keySymbols: { qualifiedName: string; kind: string; path: string; line: number; importers: number }[];
  hotSpots: { path: string; commits: number; churn: number; fixes: number }[];
}

interface FileRow {
  id: number;
  path: string;
  language: string;
  lines: number;
  symbols: number;
}

/** Groups paths into modules: top-level folders, split further while one holds most of the code. */
export function moduleNames(paths: readonly string[]): Map<string, string> {
  const assignment = new Map<string, string>(paths.map((path) => [path, path.includes('/') ? path.slice(0, path.indexOf('/')) : '(root)']));
  for (let depth = 2; depth <= 4; depth++) {
    const counts = new Map<string, number>();
    for (const module of assignment.values()) counts.set(module, (counts.get(module) ?? 0) + 1);
    const big = [...counts].filter(([module, count]) => module !== '(root)' && count > paths.length * 0.4);
    if (big.length === 0) break;
    for (const [module] of big) {
      const inside = paths.filter((path) => assignment.get(path) === module);
      const children = new Set(inside.map((path) => path.split('/').slice(0, depth).join('/')));
      if (children.size < 2) continue;
      for (const path of inside) {
        const parts = path.split('/');
        assignment.set(path, parts.length > depth ? parts.slice(0, depth).join('/') : module);
      }
    }
  }
  return assignment;
}

const entryPattern = /(^|\/)(main|cli|index|app|server|__main__)\.(ts|tsx|js|mjs|cjs|py|go|rs|java|c|cc|cpp)$/;

/** Builds the map of an indexed repository. */
export function repositoryMap(db: DatabaseSync, options: { limit?: number } = {}): RepositoryMap {
  const limit = options.limit ?? 15;
  const files = db
    .prepare(
      `SELECT files.id AS id, files.path AS path, files.language AS language, files.lines AS lines,
              (SELECT count(*) FROM symbols WHERE symbols.file_id = files.id) AS symbols
       FROM files WHERE files.status IN ('indexed', 'partial')`,
    )
    .all() as unknown as FileRow[];
  const moduleOf = moduleNames(files.map((file) => file.path));
  const modules = new Map<string, ModuleInfo>();
  const moduleById = new Map<number, string>();
  for (const file of files) {
    const name = moduleOf.get(file.path) ?? '(root)';
    moduleById.set(Number(file.id), name);
    const info = modules.get(name) ?? { name, files: 0, lines: 0, symbols: 0, languages: {} };
    info.files++;
    info.lines += Number(file.lines);
    info.symbols += Number(file.symbols);
    info.languages[file.language] = (info.languages[file.language] ?? 0) + 1;
    modules.set(name, info);
  }
  const edgeCounts = new Map<string, number>();
  for (const row of db.prepare('SELECT file_id AS source, resolved_file_id AS target FROM imports WHERE resolved_file_id IS NOT NULL').all() as {
    source: number;
    target: number;
  }[]) {
    const from = moduleById.get(Number(row.source));
    const to = moduleById.get(Number(row.target));
    if (!from || !to || from === to) continue;
    const key = `${from}\u0000${to}`;
    edgeCounts.set(key, (edgeCounts.get(key) ?? 0) + 1);
  }
  const edges = [...edgeCounts].map(([key, imports]) => {
    const [from = '', to = ''] = key.split('\u0000');
    return { from, to, imports };
  });
  edges.sort((a, b) => b.imports - a.imports);
  return {
    modules: [...modules.values()].sort((a, b) => b.lines - a.lines),
    edges,
    entryPoints: entryPoints(db, files, limit),
    keySymbols: keySymbols(db, limit),
    hotSpots: hotSpots(db, limit),
  };
}

function entryPoints(db: DatabaseSync, files: readonly FileRow[], limit: number): { path: string; why: string }[] {
  const imported = new Set(
    (db.prepare('SELECT DISTINCT resolved_file_id AS id FROM imports WHERE resolved_file_id IS NOT NULL').all() as { id: number }[]).map((row) => Number(row.id)),
  );
  const found: { path: string; why: string; depth: number }[] = [];
  for (const file of files) {
    if (/(^|\/)(test|tests|__tests__|spec|fixtures?|examples?|docs?)\//.test(file.path) || /\.(test|spec)\./.test(file.path)) continue;
    const depth = file.path.split('/').length;
    if (entryPattern.test(file.path) && !imported.has(Number(file.id))) found.push({ path: file.path, why: 'entry file name, imported by nothing', depth });
    else if (/(^|\/)bin\//.test(file.path)) found.push({ path: file.path, why: 'in a bin/ folder', depth });
    else if (/(^|\/)src\/(main|lib)\.rs$/.test(file.path)) found.push({ path: file.path, why: 'Rust crate root', depth });
  }
  found.sort((a, b) => a.depth - b.depth || a.path.localeCompare(b.path));
  return found.slice(0, limit).map(({ path, why }) => ({ path, why }));
}

function keySymbols(db: DatabaseSync, limit: number): RepositoryMap['keySymbols'] {
  const rows = db
    .prepare(
      `SELECT symbols.qualified_name AS qualifiedName, symbols.kind AS kind, files.path AS path, symbols.start_line AS line,
              count(DISTINCT imports.file_id) AS importers
       FROM imports JOIN symbols ON symbols.file_id = imports.resolved_file_id AND symbols.name = imports.imported_name
         AND symbols.parent_id IS NULL
       JOIN files ON files.id = symbols.file_id
       GROUP BY symbols.id ORDER BY importers DESC, symbols.qualified_name LIMIT ?`,
    )
    .all(limit) as RepositoryMap['keySymbols'];
  return rows.map((row) => ({ ...row, line: Number(row.line), importers: Number(row.importers) }));
}

function hotSpots(db: DatabaseSync, limit: number): RepositoryMap['hotSpots'] {
  const rows = db
    .prepare(
      `SELECT file_commits.path AS path, count(*) AS commits, sum(file_commits.added + file_commits.deleted) AS churn,
              sum(commits.is_fix) AS fixes
       FROM file_commits JOIN commits ON commits.id = file_commits.commit_id
       WHERE file_commits.path IN (SELECT path FROM files WHERE status IN ('indexed', 'partial'))
       GROUP BY file_commits.path ORDER BY churn DESC LIMIT ?`,
    )
    .all(limit) as RepositoryMap['hotSpots'];
  return rows.map((row) => ({ path: row.path, commits: Number(row.commits), churn: Number(row.churn), fixes: Number(row.fixes) }));
}

/** The module import graph as a Mermaid flowchart. */
export function mapToMermaid(map: RepositoryMap): string {
  const id = (name: string) => `m_${name.replace(/[^A-Za-z0-9]/g, '_')}`;
  const lines = ['graph LR'];
  for (const module of map.modules) lines.push(`  ${id(module.name)}["${module.name} (${module.files} files, ${module.lines} lines)"]`);
  for (const edge of map.edges) lines.push(`  ${id(edge.from)} -->|${edge.imports}| ${id(edge.to)}`);
  return lines.join('\n');
}
