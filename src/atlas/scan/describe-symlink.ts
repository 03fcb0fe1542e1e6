/** Says why a symlink is not followed: broken, a loop, leading outside the repository, or an alias. */
import { realpathSync } from 'node:fs';
import { relative, sep } from 'node:path';

/**
 * The skip reason of the symlink at `absolutePath`; `ancestors` holds the real paths of the
 * directories above it (a link to one of them is a loop).
 */
export function describeSymlink(realRoot: string, absolutePath: string, ancestors: ReadonlySet<string>): string {
  let target: string;
  try {
    target = realpathSync(absolutePath);
  } catch {
    return 'broken symlink';
  }
  if (ancestors.has(target)) return 'symlink loop (not followed)';
  const inside = target === realRoot || target.startsWith(realRoot + sep);
  if (!inside) return 'symlink leading outside the repository (not followed)';
  return `symlink to ${relative(realRoot, target).split(sep).join('/') || '.'} (not followed; its target is indexed)`;
}
