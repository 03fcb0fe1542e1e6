/** TypeScript/JavaScript name checks: every import, call and member access on an added line resolves, per the compiler API. */
import { join } from 'node:path';
import type ts from 'typescript';
import type { ChangedFile } from '../build/hunk-lines.ts';
import type { CheckedUse, UseOutcome } from './api-outcome.ts';
import { checkFunction } from './check-function.ts';
import { checkImport } from './check-import.ts';
import { checkMember } from './check-member.ts';
import { checkModule } from './check-module.ts';
import { collectUses, type NameUse } from './collect-uses.ts';
import { createChangedPrograms } from './create-programs.ts';
import type { RepositoryNames } from './repository-names.ts';

function checkUse(program: ts.Program, use: NameUse, fileName: string, worktree: string, repositoryNames?: RepositoryNames): UseOutcome {
  switch (use.kind) {
    case 'module':
      return checkModule(program.getTypeChecker(), use.node, fileName, worktree, use.dynamic);
    case 'import':
      return checkImport(program, use.node, use.moduleSpecifier, worktree);
    case 'member':
      return checkMember(program, use.node, use.called, worktree);
    case 'function':
      return checkFunction(program, use.node, use.call, worktree, repositoryNames);
  }
}

/** Checks the names on the added lines of the given files of the changed worktree `dir`; `repositoryNames` adds suggestions from the atlas. */
export function checkTypeScriptNames(dir: string, files: readonly ChangedFile[], repositoryNames?: RepositoryNames): CheckedUse[] {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const checked: CheckedUse[] = [];
  for (const { program, files: paths } of createChangedPrograms(dir, [...byPath.keys()])) {
    // Binding all files sets the parent pointers that the walk over uses relies on.
    program.getTypeChecker();
    for (const path of paths) {
      const fileName = join(dir, path);
      const source = program.getSourceFile(fileName);
      const file = byPath.get(path);
      if (!source || !file) continue;
      for (const use of collectUses(source, file.addedLines)) {
        let outcome: UseOutcome;
        try {
          outcome = checkUse(program, use, fileName, dir, repositoryNames);
        } catch (error) {
          // The compiler API can trip on code it half understands; one name must not sink the others.
          outcome = { status: 'unchecked', reason: `compiler API error: ${error instanceof Error ? error.message : String(error)}` };
        }
        checked.push({ path, line: use.line, outcome });
      }
    }
  }
  return checked;
}
