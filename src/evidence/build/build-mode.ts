/** Decides how to type-check a config: `tsc --noEmit -p`, or `tsc -b` when it references other projects that must be built first. */
import { join } from 'node:path';
import ts from 'typescript';

/**
 * True when `config` has project references and every project in their closure emits into its own folder
 * (`outDir` or `declarationDir`). Then `tsc -b` can build the references inside the worktree without writing
 * next to sources; `tsc -p` alone would only say "output file has not been built" (TS6305) for each import.
 */
export function needsBuildMode(root: string, config: string): boolean {
  const host: ts.ParseConfigFileHost = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} };
  const seen = new Set<string>();
  const queue = [join(root, config)];
  let hasReferences = false;
  while (queue.length > 0) {
    const fileName = queue.shift() as string;
    if (seen.has(fileName)) continue;
    seen.add(fileName);
    const parsed = ts.getParsedCommandLineOfConfigFile(fileName, undefined, host);
    if (!parsed) return false;
    const references = (parsed.projectReferences ?? []).map((reference) => ts.resolveProjectReferencePath(reference));
    if (references.length > 0) hasReferences = true;
    const emitsAside = parsed.options.outDir !== undefined || parsed.options.declarationDir !== undefined;
    if (!emitsAside && fileName !== join(root, config)) return false;
    queue.push(...references);
  }
  return hasReferences;
}
