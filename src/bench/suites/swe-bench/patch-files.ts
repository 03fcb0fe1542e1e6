/** Reads which files a unified diff touches and how large it is, without applying it. */

/** One file a patch touches, with its added and removed line counts. */
export interface PatchFile {
  path: string;
  added: number;
  removed: number;
  hunks: number;
}

function unquote(path: string): string {
  return path.startsWith('"') && path.endsWith('"') ? path.slice(1, -1).replace(/\\(["\\])/g, '$1') : path;
}

function stripPrefix(path: string, prefix: string): string {
  const plain = unquote(path.replace(/\t.*$/, ''));
  return plain.startsWith(prefix) ? plain.slice(prefix.length) : plain;
}

/** The files of a git-format or plain unified diff, in order (new paths; old paths of deleted files). */
export function patchFiles(patch: string): PatchFile[] {
  const files: PatchFile[] = [];
  let current: PatchFile | undefined;
  let oldPath = '';
  // Lines still expected in the current hunk, so that content starting with `---` is not read as a header.
  let oldLeft = 0;
  let newLeft = 0;
  for (const line of patch.split('\n')) {
    if (current && (oldLeft > 0 || newLeft > 0)) {
      if (line.startsWith('+')) [current.added, newLeft] = [current.added + 1, newLeft - 1];
      else if (line.startsWith('-')) [current.removed, oldLeft] = [current.removed + 1, oldLeft - 1];
      else if (!line.startsWith('\\')) [oldLeft, newLeft] = [oldLeft - 1, newLeft - 1];
      continue;
    }
    const header = /^diff --git ("?a\/.+?"?) ("?b\/.+"?)$/.exec(line);
    if (header) {
      current = { path: stripPrefix(header[2] ?? '', 'b/'), added: 0, removed: 0, hunks: 0 };
      files.push(current);
    } else if (line.startsWith('--- ')) {
      oldPath = stripPrefix(line.slice(4), 'a/');
    } else if (line.startsWith('+++ ')) {
      const newPath = stripPrefix(line.slice(4), 'b/');
      const path = newPath === '/dev/null' ? oldPath : newPath;
      if (current && current.hunks === 0) current.path = path;
      else files.push((current = { path, added: 0, removed: 0, hunks: 0 }));
    } else if (current) {
      const hunk = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/.exec(line);
      if (!hunk) continue;
      current.hunks++;
      oldLeft = Number(hunk[1] ?? 1);
      newLeft = Number(hunk[2] ?? 1);
    }
  }
  return files;
}
