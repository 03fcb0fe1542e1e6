/** Keeps files that are not UTF-8 exact in a diff: they are found, then diffed again as binary. */
import type { Change } from '../../core/change.ts';

/**
 * Paths (both sides) of text files whose hunk lines hold U+FFFD: bytes that are not UTF-8
 * (Latin-1, Shift-JIS …) were lost when the diff became a string, so that patch would not apply.
 */
export function undecodablePaths(change: Change): string[] {
  const paths = new Set<string>();
  for (const file of change.files) {
    if (!file.hunks.some((hunk) => hunk.lines.some((line) => line.text.includes('\uFFFD')))) continue;
    if (file.oldPath !== null) paths.add(file.oldPath);
    if (file.newPath !== null) paths.add(file.newPath);
  }
  return [...paths];
}

// A pattern that matches exactly one repository path: anchored, glob characters escaped, C-quoted.
function exactPattern(path: string): string {
  const glob = `/${path.replace(/[*?[\\]/g, (char) => `\\${char}`)}`;
  const quoted = [...Buffer.from(glob, 'utf8')]
    .map((byte) => (byte === 0x22 || byte === 0x5c ? `\\${String.fromCharCode(byte)}` : byte < 0x20 || byte >= 0x7f ? `\\${byte.toString(8).padStart(3, '0')}` : String.fromCharCode(byte)))
    .join('');
  return `"${quoted}"`;
}

/** A gitattributes file (for `-c core.attributesFile=…`) that marks `paths` binary, so `git diff --binary` sends their bytes. */
export function binaryAttributes(paths: readonly string[]): string {
  return paths.map((path) => `${exactPattern(path)} binary\n`).join('');
}
