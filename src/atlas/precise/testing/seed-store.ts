/**
 * Test and benchmark support: fills `files`, `symbols` and `refs` from the TypeScript AST the way
 * the syntactic pass does, so the precise pass can be exercised without it.
 */
import { readFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import ts from 'typescript';
import type { SymbolKind } from '../../../core/types.ts';
import { migrations } from '../../store/schema.ts';
import { applyResolutions, type ApplyReport } from '../apply-resolutions.ts';
import type { ResolvedBatch } from '../backend.ts';
import { normalizeRoot } from '../paths.ts';

/** An in-memory index with the current schema. */
export function createMemoryStore(): DatabaseSync {
  const db = new DatabaseSync(':memory:');
  for (const migration of migrations) db.exec(migration);
  return db;
}

const kindBySyntax = new Map<ts.SyntaxKind, SymbolKind>([
  [ts.SyntaxKind.FunctionDeclaration, 'function'],
  [ts.SyntaxKind.ClassDeclaration, 'class'],
  [ts.SyntaxKind.MethodDeclaration, 'method'],
  [ts.SyntaxKind.MethodSignature, 'method'],
  [ts.SyntaxKind.PropertyDeclaration, 'property'],
  [ts.SyntaxKind.InterfaceDeclaration, 'interface'],
  [ts.SyntaxKind.TypeAliasDeclaration, 'type'],
  [ts.SyntaxKind.EnumDeclaration, 'enum'],
  [ts.SyntaxKind.ModuleDeclaration, 'namespace'],
  [ts.SyntaxKind.VariableDeclaration, 'variable'],
]);

/** Top-level variables and the declarations above; locals and parameters get no symbol, as in the syntactic pass. */
function symbolKind(node: ts.Node): SymbolKind | undefined {
  const kind = kindBySyntax.get(node.kind);
  if (kind !== 'variable') return kind;
  return ts.isVariableStatement(node.parent.parent) && ts.isSourceFile(node.parent.parent.parent) ? kind : undefined;
}

/** Replaces the rows of `path` like the index writer does: refs into its old symbols become `stale`. */
export function seedFile(db: DatabaseSync, root: string, path: string): void {
  const text = readFileSync(`${normalizeRoot(root)}/${path}`, 'utf8');
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const upsert = db.prepare(`INSERT INTO files(path, language, size, mtime_ms, lines, status, indexed_at) VALUES (?, 'typescript', ?, 0, ?, 'indexed', 0)
    ON CONFLICT(path) DO UPDATE SET size = excluded.size RETURNING id`);
  const fileId = Number((upsert.get(path, text.length, file.getLineStarts().length) as { id: number }).id);
  db.prepare("UPDATE refs SET target_id = NULL, resolution = 'stale' WHERE target_id IN (SELECT id FROM symbols WHERE file_id = ?)").run(fileId);
  db.prepare('DELETE FROM symbols WHERE file_id = ?').run(fileId);
  // The writer's layout (schema migration 3): a file's references are one id range on its row.
  const range = db.prepare('SELECT refs_first AS first, refs_last AS last FROM files WHERE id = ?').get(fileId) as { first: number | null; last: number | null };
  if (range.first !== null && range.last !== null) db.prepare('DELETE FROM refs WHERE id BETWEEN ? AND ?').run(range.first, range.last);
  let firstRef: number | null = null;
  let lastRef: number | null = null;
  const insertSymbol = db.prepare(`INSERT INTO symbols(file_id, name, qualified_name, kind, start_line, start_col, end_line, end_col,
    name_line, name_col, signature, doc, exported) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', 0)`);
  const insertRef = db.prepare("INSERT INTO refs(file_id, name, kind, line, col) VALUES (?, ?, 'read', ?, ?)");
  const position = (offset: number) => file.getLineAndCharacterOfPosition(offset);
  const visit = (node: ts.Node): void => {
    const kind = symbolKind(node);
    const name = ts.getNameOfDeclaration(node as ts.Declaration);
    if (kind && name && (ts.isIdentifier(name) || ts.isPrivateIdentifier(name))) {
      const start = position(node.getStart(file));
      const end = position(node.end);
      const at = position(name.getStart(file));
      insertSymbol.run(fileId, name.text, name.text, kind, start.line + 1, start.character, end.line + 1, end.character, at.line + 1, at.character);
    } else if ((ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) && !isDeclarationName(node)) {
      const at = position(node.getStart(file));
      lastRef = Number(insertRef.run(fileId, node.text, at.line + 1, at.character).lastInsertRowid);
      firstRef ??= lastRef;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  db.prepare('UPDATE files SET refs_first = ?, refs_last = ? WHERE id = ?').run(firstRef, lastRef, fileId);
}

function isDeclarationName(node: ts.Identifier | ts.PrivateIdentifier): boolean {
  const parent = node.parent as ts.NamedDeclaration;
  return parent.name === node && !ts.isImportSpecifier(parent) && !ts.isExportSpecifier(parent) && !ts.isShorthandPropertyAssignment(parent) && !ts.isPropertyAccessExpression(parent) && !ts.isJsxAttribute(parent);
}

/** Seeds a store with every resolved file, then times `applyResolutions` on it (for scripts/measure-precise.ts). */
export async function measureApplyOnSeededStore(root: string, batches: ResolvedBatch[]) {
  const db = createMemoryStore();
  const seedStart = performance.now();
  db.exec('BEGIN');
  for (const batch of batches) for (const file of batch.files) seedFile(db, root, file.path);
  db.exec('COMMIT');
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const count = (table: string) => Number((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
  const refs = count('refs');
  const symbols = count('symbols');
  const applyStart = performance.now();
  const report: ApplyReport = await applyResolutions(db, batches);
  const applySeconds = (performance.now() - applyStart) / 1000;
  db.close();
  return { refs, symbols, seedSeconds, applySeconds, report: { ...report, problems: report.problems.length } };
}
