/** What the atlas knows that test selection can use: resolved imports, test files, references by name. */
import type { DatabaseSync } from 'node:sqlite';

/** Import edges, test files and the test files that mention given names, from the atlas index. */
export interface AtlasTestFacts {
  edges: Map<string, string[]>;
  testFiles: Set<string>;
  /** Name -> test files with a reference to it. */
  referencedBy: Map<string, Set<string>>;
}

/** Reads the facts; an atlas that cannot answer (old schema, locked) yields empty facts. */
export function readAtlasTestFacts(atlas: DatabaseSync | undefined, names: readonly string[]): AtlasTestFacts {
  const facts: AtlasTestFacts = { edges: new Map(), testFiles: new Set(), referencedBy: new Map() };
  if (!atlas) return facts;
  try {
    const edges = atlas
      .prepare(
        `SELECT source.path AS source, target.path AS target FROM imports
         JOIN files source ON source.id = imports.file_id JOIN files target ON target.id = imports.resolved_file_id`,
      )
      .all() as { source: string; target: string }[];
    for (const { source, target } of edges) {
      const list = facts.edges.get(source);
      if (list) list.push(target);
      else facts.edges.set(source, [target]);
    }
    for (const row of atlas.prepare('SELECT path FROM files WHERE is_test = 1').all() as { path: string }[]) facts.testFiles.add(row.path);
    const references = atlas.prepare('SELECT DISTINCT files.path AS path FROM refs JOIN files ON files.id = refs.file_id WHERE refs.name = ? AND files.is_test = 1');
    for (const name of names) {
      facts.referencedBy.set(name, new Set((references.all(name) as { path: string }[]).map((row) => row.path)));
    }
  } catch {
    return { edges: new Map(), testFiles: new Set(), referencedBy: new Map() };
  }
  return facts;
}
