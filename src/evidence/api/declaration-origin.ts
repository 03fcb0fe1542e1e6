/** Where a declaration comes from — an installed dependency, TypeScript's standard library, or the repository — and how to name it. */
import { realpathSync } from 'node:fs';
import { relative } from 'node:path';
import type ts from 'typescript';
import type { InstalledPackage } from '../build/installed-package.ts';
import { describePackage, packageOfFile } from './package-of-file.ts';

/** The home of a declaration. */
export type Origin =
  | { kind: 'dependency'; installed: InstalledPackage }
  | { kind: 'library'; fileName: string }
  | { kind: 'repository'; path: string }
  | { kind: 'unknown' };

/** The worktree root as TypeScript spells file names (real path, `/`). */
export function realRoot(dir: string): string {
  try {
    return realpathSync(dir).replace(/\\/g, '/');
  } catch {
    return dir.replace(/\\/g, '/');
  }
}

/** The origin of a source file of the program. */
export function originOfFile(program: ts.Program, file: ts.SourceFile, root: string): Origin {
  if (program.isSourceFileDefaultLibrary(file)) return { kind: 'library', fileName: file.fileName.split('/').at(-1) ?? file.fileName };
  if (file.fileName.includes('/node_modules/')) {
    const installed = packageOfFile(file.fileName);
    return installed ? { kind: 'dependency', installed } : { kind: 'unknown' };
  }
  let path = relative(root, file.fileName).replace(/\\/g, '/');
  // TypeScript reports files it reached through module resolution by their real path.
  if (path.startsWith('../')) path = relative(realRoot(root), file.fileName).replace(/\\/g, '/');
  return { kind: 'repository', path };
}

/** The origin of a symbol's first declaration. */
export function originOfSymbol(program: ts.Program, symbol: ts.Symbol | undefined, root: string): Origin {
  const declaration = symbol?.declarations?.[0];
  return declaration ? originOfFile(program, declaration.getSourceFile(), root) : { kind: 'unknown' };
}

/** How a message names the owner of a missing member: `zod 4.6.7 (installed)`, `` `String` (standard library) ``, `` `User` (src/user.ts) ``. */
export function ownerPhrase(origin: Origin, typeName: string): string {
  switch (origin.kind) {
    case 'dependency':
      return describePackage(origin.installed);
    case 'library':
      return `\`${typeName}\` (TypeScript's standard library, ${origin.fileName})`;
    case 'repository':
      return `\`${typeName}\` (${origin.path})`;
    default:
      return `\`${typeName}\``;
  }
}
