/** Suggests files of the worktree that a mistyped or misremembered path probably meant. */
import { editDistance } from '../../atlas/query/edit-distance.ts';
import { listWorktreeFiles } from '../../evidence/tests/list-files.ts';
import { isSecretPath } from '../safety/secret-files.ts';
import type { SecretPolicy } from '../types.ts';

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function stem(name: string): string {
  const dot = name.indexOf('.', 1);
  return (dot > 0 ? name.slice(0, dot) : name).toLowerCase();
}

/**
 * Up to `limit` worktree files close to `wanted`, of the best kind found: the same name elsewhere,
 * else the same stem with another extension, else a name a few edits away. Secret files are never
 * suggested.
 */
export async function similarPaths(root: string, wanted: string, secretPolicy: SecretPolicy, limit = 3): Promise<string[]> {
  const files = (await listWorktreeFiles(root, 10_000)).filter((path) => !path.startsWith('.codewright/') && !isSecretPath(path, secretPolicy));
  const name = baseName(wanted).toLowerCase();
  const wantedStem = stem(name);
  const scored: { path: string; score: number }[] = [];
  for (const path of files) {
    const other = baseName(path).toLowerCase();
    const directory = editDistance(wanted.toLowerCase(), path.toLowerCase(), 40);
    let score: number | undefined;
    if (other === name) score = 0;
    else if (stem(other) === wantedStem) score = 10;
    else {
      const distance = editDistance(name, other, 3);
      if (distance <= Math.min(3, Math.floor(name.length / 3))) score = 20 + distance * 5;
    }
    if (score !== undefined) scored.push({ path, score: score + Math.min(directory, 40) / 10 });
  }
  scored.sort((a, b) => a.score - b.score || a.path.localeCompare(b.path));
  // Only the best kind of match: the same name elsewhere beats a similar name.
  const tier = (score: number) => (score < 10 ? 0 : score < 20 ? 1 : 2);
  const best = scored[0] ? tier(scored[0].score) : 0;
  return scored
    .filter((entry) => tier(entry.score) === best)
    .slice(0, limit)
    .map((entry) => entry.path);
}

/** `; did you mean src/y.ts?` or '' when nothing is close. */
export async function didYouMean(root: string, wanted: string, secretPolicy: SecretPolicy): Promise<string> {
  const paths = await similarPaths(root, wanted, secretPolicy);
  if (paths.length === 0) return '';
  return `; did you mean ${paths.length === 1 ? paths[0] : `${paths.slice(0, -1).join(', ')} or ${paths[paths.length - 1]}`}?`;
}
