/** Decides which program resolves each source file: the most specific config that includes it, else the inferred one. */
import type ts from 'typescript';
import type { PreciseProblem } from './backend.ts';
import { inferredCompilerOptions } from './inferred-options.ts';
import { toFileName, toRepositoryPath } from './paths.ts';
import { createConfigReader, type ConfigEntry, type ConfigReader } from './read-config.ts';
import type { RepositoryListing } from './walk-repository.ts';

/** Everything needed to build one program and the files it resolves. Plain data, so it can go to a worker. */
export interface ProgramPlan {
  /** Repository-relative config path, or `inferred`. */
  name: string;
  /** Absolute config file name; undefined for the inferred program. */
  configFileName?: string;
  /** Absolute file names of the program's root files. */
  rootNames: string[];
  /** Repository-relative files this program resolves. */
  owned: string[];
  /** Bytes of owned source, a rough measure of the work. */
  weight: number;
}

/** A plan and those of its files to resolve in this run. */
export interface PlanJob {
  plan: ProgramPlan;
  files: string[];
}

/** The plans of a repository and the config problems met on the way. */
export interface ProgramPlanning {
  plans: ProgramPlan[];
  problems: PreciseProblem[];
}

/** Name of the program for files no config includes. */
export const inferredProgramName = 'inferred';

/**
 * Assigns every listed source file to exactly one program. Configs are tried from the deepest
 * folder up; within a folder `tsconfig.json`, then `jsconfig.json`, then configs some config
 * references, then the rest. Configs that own no file get no program.
 */
export function planPrograms(root: string, listing: RepositoryListing, reader?: ConfigReader): ProgramPlanning {
  const configReader = reader ?? createConfigReader((fileName) => toRepositoryPath(root, fileName) ?? fileName);
  const problems: PreciseProblem[] = [];
  const { entries, referenced } = collectConfigs(root, listing.configs, configReader, problems);
  const sources = new Set(listing.sources);
  const owner = new Set<string>();
  const plans: ProgramPlan[] = [];
  for (const entry of orderConfigs(root, entries, referenced)) {
    const owned: string[] = [];
    for (const fileName of entry.parsed.fileNames) {
      const path = toRepositoryPath(root, fileName);
      if (path === undefined || !sources.has(path) || owner.has(path)) continue;
      owner.add(path);
      owned.push(path);
    }
    if (owned.length === 0) continue;
    const name = toRepositoryPath(root, entry.fileName) ?? entry.fileName;
    plans.push({ name, configFileName: entry.fileName, rootNames: entry.parsed.fileNames, owned, weight: weigh(owned, listing) });
  }
  const leftover = listing.sources.filter((path) => !owner.has(path));
  if (leftover.length > 0) {
    const rootNames = leftover.map((path) => toFileName(root, path));
    plans.push({ name: inferredProgramName, rootNames, owned: leftover, weight: weigh(leftover, listing) });
  }
  return { plans, problems };
}

/** Options of a plan's program: its config's, or the inferred defaults. */
export function planOptions(plan: ProgramPlan, reader: ConfigReader): { options: ts.CompilerOptions; projectReferences?: readonly ts.ProjectReference[] } {
  if (!plan.configFileName) return { options: inferredCompilerOptions() };
  const read = reader.read(plan.configFileName);
  if (!read.success) return { options: inferredCompilerOptions() };
  return { options: read.value.parsed.options, projectReferences: read.value.parsed.projectReferences };
}

function weigh(paths: string[], listing: RepositoryListing): number {
  let bytes = 0;
  for (const path of paths) bytes += listing.sizes.get(path) ?? 0;
  return bytes;
}

function collectConfigs(root: string, configs: string[], reader: ConfigReader, problems: PreciseProblem[]) {
  const entries: ConfigEntry[] = [];
  const referenced = new Set<string>();
  const queue = configs.map((path) => toFileName(root, path));
  const seen = new Set(queue);
  for (let index = 0; index < queue.length; index++) {
    const read = reader.read(queue[index]!);
    if (!read.success) {
      problems.push(read.error);
      continue;
    }
    entries.push(read.value);
    problems.push(...read.value.warnings);
    for (const reference of read.value.references) {
      if (toRepositoryPath(root, reference) === undefined) continue;
      referenced.add(reference);
      if (!seen.has(reference)) {
        seen.add(reference);
        queue.push(reference);
      }
    }
  }
  return { entries, referenced };
}

function orderConfigs(root: string, entries: ConfigEntry[], referenced: Set<string>): ConfigEntry[] {
  const key = (entry: ConfigEntry) => {
    const path = toRepositoryPath(root, entry.fileName) ?? entry.fileName;
    const slash = path.lastIndexOf('/');
    const base = path.slice(slash + 1);
    const rank = base === 'tsconfig.json' ? 0 : base === 'jsconfig.json' ? 1 : referenced.has(entry.fileName) ? 2 : 3;
    return { depth: path.split('/').length, rank, path };
  };
  return entries
    .map((entry) => ({ entry, key: key(entry) }))
    .sort((a, b) => b.key.depth - a.key.depth || a.key.rank - b.key.rank || (a.key.path < b.key.path ? -1 : a.key.path > b.key.path ? 1 : 0))
    .map(({ entry }) => entry);
}
