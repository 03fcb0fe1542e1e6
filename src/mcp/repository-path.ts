/** Keeps paths given by a client inside the repository: `..`, absolute paths elsewhere and symlinks that leave it are refused. */
import { confinePath } from '../core/confine-path.ts';
import { CodewrightError } from '../core/errors.ts';

function outside(input: string, root: string): CodewrightError {
  return new CodewrightError({
    code: 'INVALID_ARGUMENT',
    message: `\`${input}\` is outside the repository ${root}. Give a path inside it, relative to the repository root (e.g. \`src/index.ts\`).`,
    data: { path: input, root },
  });
}

/** The repository-relative form (with `/`) of a path given relative to `root` or absolute inside it. */
export function repositoryPath(root: string, input: string): string {
  const trimmed = input.trim();
  if (trimmed === '' || trimmed.includes('\0')) {
    throw new CodewrightError({ code: 'INVALID_ARGUMENT', message: 'Give a non-empty path relative to the repository root (e.g. `src/index.ts`).' });
  }
  const confined = confinePath(root, trimmed);
  if (confined.status !== 'inside') throw outside(input, root);
  return confined.relative;
}

/** A symbol spec with its path part (`path:line`, `path#name`) made repository-relative and confined; other specs unchanged. */
export function repositorySymbolSpec(root: string, spec: string): string {
  const trimmed = spec.trim();
  const atLine = /^(.+):(\d+)$/.exec(trimmed);
  if (atLine) return `${repositoryPath(root, atLine[1] ?? '')}:${atLine[2]}`;
  const inFile = /^(.*[^.])#(.+)$/.exec(trimmed);
  if (inFile) return `${repositoryPath(root, inFile[1] ?? '')}#${inFile[2]}`;
  return trimmed;
}
