/** Finds, for each changed file, the tsconfig/jsconfig that type-checks it: the nearest one up the tree whose files include it. */
import { readdirSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import ts from 'typescript';

/** Which config covers which files, and the files no config covers. */
export interface ConfigCoverage {
  /** Repository-relative config path to the repository-relative files it covers. */
  configs: Map<string, string[]>;
  uncovered: string[];
}

const configName = /^(tsconfig|jsconfig)(\..+)?\.json$/;

/** Configs of one folder, `tsconfig.json` first, then `jsconfig.json`, then the rest by name. */
function configsIn(root: string, folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(join(root, folder)).filter((name) => configName.test(name));
  } catch {
    return [];
  }
  const rank = (name: string) => (name === 'tsconfig.json' ? 0 : name === 'jsconfig.json' ? 1 : 2);
  names.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return names.map((name) => (folder === '.' ? name : `${folder}/${name}`));
}

/** Reads a config's file list leniently: broken options still yield the files the config includes. */
function createFileLister(root: string): (config: string) => { files: Set<string>; references: string[] } {
  const cache = new Map<string, { files: Set<string>; references: string[] }>();
  const host: ts.ParseConfigFileHost = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} };
  return (config) => {
    const cached = cache.get(config);
    if (cached) return cached;
    const fileName = join(root, config);
    const parsed = ts.getParsedCommandLineOfConfigFile(fileName, undefined, host);
    const files = new Set((parsed?.fileNames ?? []).map((name) => posix.normalize(name.replace(/\\/g, '/'))));
    const references = (parsed?.projectReferences ?? []).map((reference) => {
      const target = ts.resolveProjectReferencePath(reference).replace(/\\/g, '/');
      return posix.relative(root.replace(/\\/g, '/'), target);
    });
    const entry = { files, references };
    cache.set(config, entry);
    return entry;
  };
}

/** The configs up the tree from `path`, nearest folder first, each followed by the configs it references. */
function candidatesFor(root: string, path: string): string[] {
  const candidates: string[] = [];
  let folder = dirname(path);
  for (;;) {
    candidates.push(...configsIn(root, folder));
    if (folder === '.' || folder === '/' || folder === '') break;
    folder = dirname(folder);
  }
  return candidates;
}

/** Assigns each file to the first config, nearest first, whose file list includes it (following project references). */
export function findCoveringConfigs(root: string, paths: readonly string[]): ConfigCoverage {
  const list = createFileLister(root);
  const normalizedRoot = root.replace(/\\/g, '/');
  const configs = new Map<string, string[]>();
  const uncovered: string[] = [];
  for (const path of paths) {
    const absolute = posix.normalize(`${normalizedRoot}/${path}`);
    const queue = candidatesFor(root, path);
    const seen = new Set<string>();
    let owner: string | undefined;
    while (queue.length > 0 && owner === undefined) {
      const config = queue.shift() as string;
      if (seen.has(config) || config.startsWith('..')) continue;
      seen.add(config);
      const entry = list(config);
      if (entry.files.has(absolute)) owner = config;
      else queue.unshift(...entry.references.filter((reference) => !seen.has(reference)));
    }
    if (owner === undefined) uncovered.push(path);
    else configs.set(owner, [...(configs.get(owner) ?? []), path]);
  }
  return { configs, uncovered };
}
