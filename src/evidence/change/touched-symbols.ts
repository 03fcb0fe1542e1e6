/** Maps each hunk to the innermost atlas definitions its changed lines fall in, by parsing the changed files. */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { SymbolFact } from '../../atlas/facts.ts';
import { languageOf } from '../../atlas/languages.ts';
import { parseFile } from '../../atlas/parse/parse-file.ts';
import type { Change, Hunk } from '../../core/change.ts';
import type { Language } from '../../core/types.ts';
import type { TouchedSymbol } from '../types.ts';

/** Where to read the files on each side of the change. */
export interface TouchedSymbolsOptions {
  /** The worktree with the change applied: definitions of added and changed lines. */
  changeDir: string;
  /** The worktree at the base: definitions of lines that a hunk only removes. */
  baseDir: string;
  /** The atlas index, used for a file the parser skips when the index holds the same content. */
  atlas?: DatabaseSync;
}

type Definition = Pick<SymbolFact, 'qualifiedName' | 'kind' | 'startLine' | 'endLine' | 'exported'>;

interface ParsedFile {
  language: Language;
  definitions: Definition[];
}

function fromAtlas(atlas: DatabaseSync | undefined, path: string, hash: string | null): Definition[] | undefined {
  if (!atlas || hash === null) return undefined;
  const rows = atlas
    .prepare(`SELECT symbols.qualified_name AS qualifiedName, symbols.kind AS kind, symbols.start_line AS startLine,
      symbols.end_line AS endLine, symbols.exported AS exported
      FROM symbols JOIN files ON files.id = symbols.file_id WHERE files.path = ? AND files.hash = ?`)
    .all(path, hash) as unknown as { qualifiedName: string; kind: string; startLine: number; endLine: number; exported: number }[];
  if (rows.length === 0) return undefined;
  return rows.map((row) => ({ ...row, kind: row.kind as SymbolFact['kind'], startLine: Number(row.startLine), endLine: Number(row.endLine), exported: Number(row.exported) === 1 }));
}

async function parseDefinitions(directory: string, path: string, atlas: DatabaseSync | undefined): Promise<ParsedFile | undefined> {
  const language = languageOf(path);
  if (!language) return undefined;
  const absolutePath = join(directory, path);
  const size = statSync(absolutePath, { throwIfNoEntry: false })?.size;
  if (size === undefined) return undefined;
  const outcome = await parseFile({ path, absolutePath, language, size }, { chunks: false });
  if (outcome.status === 'parsed') return { language, definitions: outcome.facts.symbols };
  const stored = fromAtlas(atlas, path, outcome.hash);
  return stored ? { language, definitions: stored } : undefined;
}

/** The innermost definition around `line`: the shortest span, the later start on ties. */
function innermost(definitions: readonly Definition[], line: number): Definition | undefined {
  let best: Definition | undefined;
  for (const definition of definitions) {
    if (definition.startLine > line || definition.endLine < line) continue;
    const span = definition.endLine - definition.startLine;
    const bestSpan = best ? best.endLine - best.startLine : Infinity;
    if (span < bestSpan || (span === bestSpan && best && definition.startLine > best.startLine)) best = definition;
  }
  return best;
}

/** The changed lines of a hunk on the side that shows them: new lines, or old lines of a pure deletion. Blank lines count only when nothing else changed. */
function changedLines(hunk: Hunk): { side: 'new' | 'old'; lines: number[] } {
  const added = hunk.lines.filter((line) => line.type === '+');
  const side = added.length > 0 ? 'new' : 'old';
  const changed = side === 'new' ? added : hunk.lines.filter((line) => line.type === '-');
  const meaningful = changed.filter((line) => line.text.trim() !== '');
  const chosen = meaningful.length > 0 ? meaningful : changed;
  return { side, lines: chosen.map((line) => (side === 'new' ? line.newLine : line.oldLine) ?? 0).filter((line) => line > 0) };
}

function touchedBy(hunk: Hunk, lines: readonly number[], parsed: ParsedFile, path: string): TouchedSymbol[] {
  const found = new Map<Definition, TouchedSymbol>();
  for (const line of lines) {
    const definition = innermost(parsed.definitions, line);
    if (!definition || found.has(definition)) continue;
    const { qualifiedName, kind, startLine, endLine, exported } = definition;
    found.set(definition, { hunkId: hunk.id, qualifiedName, kind, path, startLine, endLine, exported, language: parsed.language });
  }
  return [...found.values()].sort((a, b) => a.startLine - b.startLine);
}

/**
 * The definitions each hunk touches, by hunk id (every hunk has an entry, maybe empty): for each
 * changed line, the innermost definition around it, found by parsing only the changed files with
 * the atlas parser. Added and changed lines are looked up in the change worktree; a hunk that
 * only removes lines is looked up in the base worktree (its symbols then carry base paths and lines).
 */
export async function findTouchedSymbols(change: Change, options: TouchedSymbolsOptions): Promise<Map<string, TouchedSymbol[]>> {
  const touched = new Map<string, TouchedSymbol[]>();
  const cache = new Map<string, Promise<ParsedFile | undefined>>();
  const parsed = (directory: string, path: string): Promise<ParsedFile | undefined> => {
    const key = `${directory}\0${path}`;
    if (!cache.has(key)) cache.set(key, parseDefinitions(directory, path, directory === options.changeDir ? options.atlas : undefined));
    return cache.get(key) as Promise<ParsedFile | undefined>;
  };
  for (const file of change.files) {
    for (const hunk of file.hunks) {
      const { side, lines } = changedLines(hunk);
      const path = side === 'new' ? file.newPath : file.oldPath;
      const facts = path === null ? undefined : await parsed(side === 'new' ? options.changeDir : options.baseDir, path);
      touched.set(hunk.id, facts && path !== null ? touchedBy(hunk, lines, facts, path) : []);
    }
  }
  return touched;
}
