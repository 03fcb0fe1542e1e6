/** `conventions`: how this repository is written: languages, module system, tests, tooling, naming, its most-used helpers. */
import type { DatabaseSync } from 'node:sqlite';
import { configuredTools, manifestTestFrameworks, packageModuleType, type ConfiguredTool } from './conventions-manifests.ts';
import { fileStem, styleShares, type StyleShare } from './naming-style.ts';

/** What the index and the manifests say about the way the repository is written. */
export interface Conventions {
  /** By share of lines in parsed files, largest first. */
  languages: { language: string; files: number; lines: number; share: number }[];
  /** JavaScript and TypeScript only; undefined without such files. */
  moduleSystem?: { style: 'esm' | 'commonjs' | 'mixed'; packageType: string | null; esmFiles: number; commonJsFiles: number };
  tests: {
    frameworks: string[];
    files: number;
    /** Test file name patterns (`*.test.ts`, `test_*.py`, `tests/**\/*.py`), most common first. */
    patterns: { pattern: string; files: number }[];
    location: 'beside the code' | 'separate folders' | 'both' | 'none';
  };
  tools: ConfiguredTool[];
  naming: { functions: StyleShare[]; types: StyleShare[]; files: StyleShare[] };
  /** Internal functions imported by the most files. */
  helpers: { name: string; kind: string; path: string; line: number; importers: number; signature: string }[];
}

const scriptLanguages = "('typescript', 'tsx', 'javascript')";
const separateFolder = /(^|\/)(__tests__|tests?|spec|testing)\//;
/** Test framework modules recognised in the imports of test files. */
const frameworkModules: Record<string, string> = { vitest: 'vitest', '@jest/globals': 'jest', mocha: 'mocha', 'node:test': 'node:test', ava: 'ava', tap: 'tap', pytest: 'pytest', unittest: 'unittest', 'uvu': 'uvu' };

/** The naming pattern of a test file: `*.test.ts`, `*_test.go`, `test_*.py`, `*Test.java`, or its folder (`tests/**\/*.py`). */
export function testFilePattern(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const extension = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1) : '';
  let match = /\.(test|spec)\.[^.]+$/.exec(base);
  if (match) return `*.${match[1]}.${extension}`;
  match = /_(test|spec)\.[^.]+$/.exec(base);
  if (match) return `*_${match[1]}.${extension}`;
  if (/^test_.+\.[^.]+$/.test(base)) return `test_*.${extension}`;
  match = /[a-z0-9](Tests?)\.[^.]+$/.exec(base);
  if (match) return `*${match[1]}.${extension}`;
  const folder = /(?:^|\/)(__tests__|tests?|spec|testing)\//.exec(path)?.[1] ?? 'test';
  return `${folder}/**/*.${extension}`;
}

function languages(db: DatabaseSync): Conventions['languages'] {
  const rows = db
    .prepare("SELECT language, count(*) AS files, sum(lines) AS lines FROM files WHERE status IN ('indexed', 'partial') GROUP BY language ORDER BY lines DESC")
    .all() as { language: string; files: number; lines: number }[];
  const total = rows.reduce((sum, row) => sum + Number(row.lines), 0);
  return rows.map((row) => ({ language: row.language, files: Number(row.files), lines: Number(row.lines), share: total > 0 ? Number(row.lines) / total : 0 }));
}

function moduleSystem(db: DatabaseSync, root: string): Conventions['moduleSystem'] {
  const scripts = Number((db.prepare(`SELECT count(*) AS n FROM files WHERE language IN ${scriptLanguages}`).get() as { n: number }).n);
  if (scripts === 0) return undefined;
  const commonJs = new Set(
    (db.prepare(`SELECT DISTINCT refs.file_id AS id FROM refs JOIN files ON files.id = refs.file_id WHERE refs.name = 'require' AND refs.kind = 'call' AND files.language IN ${scriptLanguages}`).all() as { id: number }[]).map((row) => Number(row.id)),
  );
  const importing = (db.prepare(`SELECT DISTINCT imports.file_id AS id FROM imports JOIN files ON files.id = imports.file_id WHERE files.language IN ${scriptLanguages}`).all() as { id: number }[]).map((row) => Number(row.id));
  const esmFiles = importing.filter((id) => !commonJs.has(id)).length;
  const packageType = packageModuleType(root) ?? null;
  const style = commonJs.size === 0 ? 'esm' : esmFiles === 0 ? 'commonjs' : esmFiles >= commonJs.size * 9 ? 'esm' : commonJs.size >= esmFiles * 9 ? 'commonjs' : 'mixed';
  return { style, packageType, esmFiles, commonJsFiles: commonJs.size };
}

function tests(db: DatabaseSync, root: string): Conventions['tests'] {
  const paths = (db.prepare("SELECT path FROM files WHERE is_test = 1 AND status IN ('indexed', 'partial')").all() as { path: string }[]).map((row) => row.path);
  const patterns = new Map<string, number>();
  for (const path of paths) patterns.set(testFilePattern(path), (patterns.get(testFilePattern(path)) ?? 0) + 1);
  const separate = paths.filter((path) => separateFolder.test(path)).length;
  const location = paths.length === 0 ? 'none' : separate === paths.length ? 'separate folders' : separate === 0 ? 'beside the code' : 'both';
  const frameworks = manifestTestFrameworks(root);
  const imported = db.prepare('SELECT DISTINCT imports.source AS source FROM imports JOIN files ON files.id = imports.file_id WHERE files.is_test = 1').all() as { source: string }[];
  for (const { source } of imported) {
    const framework = frameworkModules[source];
    if (framework && !frameworks.includes(framework)) frameworks.push(framework);
  }
  return {
    frameworks,
    files: paths.length,
    patterns: [...patterns].map(([pattern, files]) => ({ pattern, files })).sort((a, b) => b.files - a.files || a.pattern.localeCompare(b.pattern)).slice(0, 5),
    location,
  };
}

function naming(db: DatabaseSync): Conventions['naming'] {
  const names = (kinds: string) =>
    (db.prepare(`SELECT symbols.name AS name FROM symbols JOIN files ON files.id = symbols.file_id WHERE files.is_test = 0 AND symbols.kind IN ${kinds}`).all() as { name: string }[]).map((row) => row.name);
  const paths = (db.prepare("SELECT path FROM files WHERE status IN ('indexed', 'partial')").all() as { path: string }[]).map((row) => fileStem(row.path));
  return {
    functions: styleShares(names("('function', 'method')")).slice(0, 3),
    types: styleShares(names("('class', 'interface', 'type', 'struct', 'trait', 'enum')")).slice(0, 3),
    files: styleShares(paths).slice(0, 3),
  };
}

function helpers(db: DatabaseSync, limit: number): Conventions['helpers'] {
  const rows = db
    .prepare(
      `SELECT symbols.name AS name, symbols.kind AS kind, files.path AS path, symbols.start_line AS line, symbols.signature AS signature,
              count(DISTINCT imports.file_id) AS importers
       FROM imports JOIN symbols ON symbols.file_id = imports.resolved_file_id AND symbols.name = imports.imported_name AND symbols.parent_id IS NULL
       JOIN files ON files.id = symbols.file_id
       WHERE symbols.kind = 'function' AND files.is_test = 0
       GROUP BY symbols.id ORDER BY importers DESC, symbols.name LIMIT ?`,
    )
    .all(limit) as Conventions['helpers'];
  return rows.map((row) => ({ ...row, line: Number(row.line), importers: Number(row.importers) }));
}

/** Reads the conventions of the indexed repository at `root` (read-only: the index and root manifests). */
export function repositoryConventions(db: DatabaseSync, root: string, options: { helpers?: number } = {}): Conventions {
  return {
    languages: languages(db),
    moduleSystem: moduleSystem(db, root),
    tests: tests(db, root),
    tools: configuredTools(root),
    naming: naming(db),
    helpers: helpers(db, options.helpers ?? 15),
  };
}
