/** TypeScript programs over the changed files of a worktree: one per covering tsconfig (its options), one with defaults for the rest. */
import { join } from 'node:path';
import ts from 'typescript';
import { inferredCompilerOptions } from '../../atlas/precise/inferred-options.ts';
import { findCoveringConfigs } from '../build/find-tsconfig.ts';

/** A program and the repository-relative changed files it holds. */
export interface ChangedProgram {
  program: ts.Program;
  files: string[];
  /** The config whose options it uses; undefined for default options. */
  config?: string;
}

/** Options and global declaration files of a config, read leniently; undefined when unreadable. */
function readConfig(dir: string, config: string): { options: ts.CompilerOptions; declarations: string[] } | undefined {
  const host: ts.ParseConfigFileHost = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} };
  const parsed = ts.getParsedCommandLineOfConfigFile(join(dir, config), undefined, host);
  if (!parsed) return undefined;
  // Ambient declarations of the project (globals, module shims) must be in the program for names to resolve.
  const declarations = parsed.fileNames.filter((fileName) => /\.d\.(c|m)?ts$/.test(fileName));
  return { options: parsed.options, declarations };
}

/** Builds the programs; each holds only the changed files and the project's declaration files as roots. */
export function createChangedPrograms(dir: string, paths: readonly string[]): ChangedProgram[] {
  const coverage = findCoveringConfigs(dir, paths);
  const programs: ChangedProgram[] = [];
  const loose = [...coverage.uncovered];
  for (const [config, files] of coverage.configs) {
    const read = readConfig(dir, config);
    if (!read) {
      loose.push(...files);
      continue;
    }
    const rootNames = [...files.map((path) => join(dir, path)), ...read.declarations];
    programs.push({ program: ts.createProgram({ rootNames, options: { ...read.options, noEmit: true } }), files, config });
  }
  if (loose.length > 0) {
    const rootNames = loose.map((path) => join(dir, path));
    programs.push({ program: ts.createProgram({ rootNames, options: inferredCompilerOptions() }), files: loose });
  }
  return programs;
}
