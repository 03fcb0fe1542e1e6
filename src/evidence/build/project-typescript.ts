/** Picks the TypeScript compiler a project type-checks with: its own, else codewright's (and says which). */
import { join } from 'node:path';
import { codewrightPackage, findInstalledPackage } from './installed-package.ts';

/** The `tsc` to run and where it came from. */
export interface TypescriptCompiler {
  tscPath: string;
  version: string;
  /** `project` when the worktree's node_modules has TypeScript; `codewright` for the fallback. */
  source: 'project' | 'codewright';
}

/** The project's TypeScript as installed for `configDir` (inside `worktree`), else codewright's own; undefined when neither has `tsc`. */
export function projectTypescript(worktree: string, configDir: string): TypescriptCompiler | undefined {
  const own = findInstalledPackage(join(worktree, configDir), 'typescript', worktree);
  const ownTsc = own?.bin('tsc');
  if (own && ownTsc) return { tscPath: ownTsc, version: own.version, source: 'project' };
  const fallback = codewrightPackage('typescript');
  const fallbackTsc = fallback?.bin('tsc');
  if (fallback && fallbackTsc) return { tscPath: fallbackTsc, version: fallback.version, source: 'codewright' };
  return undefined;
}

/** How a pass message names the compiler: nothing for the project's own, a note for the fallback. */
export function compilerNote(compiler: TypescriptCompiler): string {
  return compiler.source === 'project' ? '' : `; with codewright's TypeScript ${compiler.version}, the project has none installed`;
}
