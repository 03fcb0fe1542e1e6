/** Exported names of the whole repository from the atlas index, for suggesting a helper the change forgot to import. */
import type { DatabaseSync } from 'node:sqlite';
import { rankSimilarNames } from './similar-names.ts';

/** A definition elsewhere in the repository. */
export interface RepositoryName {
  name: string;
  path: string;
}

/** Returns the exported top-level definitions closest to a missing name. */
export type RepositoryNames = (missing: string) => RepositoryName[];

/** Reads the atlas once, on first use; an unreadable atlas suggests nothing. */
export function atlasNames(atlas: DatabaseSync): RepositoryNames {
  let names: RepositoryName[] | undefined;
  return (missing) => {
    if (!names) {
      try {
        names = atlas
          .prepare(
            `SELECT s.name AS name, f.path AS path FROM symbols s JOIN files f ON f.id = s.file_id
             WHERE s.exported = 1 AND s.parent_id IS NULL AND s.kind IN ('function', 'class', 'variable', 'constant')`,
          )
          .all() as unknown as RepositoryName[];
      } catch {
        names = [];
      }
    }
    return rankSimilarNames(missing, names, { threshold: 0.6 }).map(({ name, path }) => ({ name, path }));
  };
}
