/** Detects the linters a project configures: ESLint (flat or legacy config) and Biome, nearest config up from the changed files. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseJson } from '../../core/result.ts';

/** A configured linter and the config file that shows it. */
export type DetectedLinter = { name: 'eslint'; configFile: string; flat: boolean } | { name: 'biome'; configFile: string };

const eslintFlat = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];
const eslintLegacy = ['.eslintrc.js', '.eslintrc.cjs', '.eslintrc.yaml', '.eslintrc.yml', '.eslintrc.json', '.eslintrc'];
const biome = ['biome.json', 'biome.jsonc'];

function hasEslintConfigInPackageJson(dir: string, folder: string): boolean {
  try {
    const parsed = parseJson(readFileSync(join(dir, folder, 'package.json'), 'utf8'));
    return parsed.success && typeof parsed.value === 'object' && parsed.value !== null && 'eslintConfig' in parsed.value;
  } catch {
    return false;
  }
}

/** Folders from each path's folder up to the root, nearest first, without repeats. */
function foldersUp(paths: readonly string[]): string[] {
  const folders: string[] = [];
  for (const path of paths) {
    let folder = dirname(path);
    for (;;) {
      if (!folders.includes(folder)) folders.push(folder);
      if (folder === '.' || folder === '/' || folder === '') break;
      folder = dirname(folder);
    }
  }
  if (!folders.includes('.')) folders.push('.');
  return folders;
}

/** The linters configured for the given repository-relative files of `dir`; at most one of each. */
export function detectLinters(dir: string, paths: readonly string[]): DetectedLinter[] {
  let eslint: DetectedLinter | undefined;
  let biomeConfig: DetectedLinter | undefined;
  const relative = (folder: string, name: string) => (folder === '.' ? name : `${folder}/${name}`);
  for (const folder of foldersUp(paths)) {
    const present = (name: string) => existsSync(join(dir, folder, name));
    const flat = eslintFlat.find(present);
    const legacy = eslintLegacy.find(present) ?? (hasEslintConfigInPackageJson(dir, folder) ? 'package.json' : undefined);
    if (!eslint && flat) eslint = { name: 'eslint', configFile: relative(folder, flat), flat: true };
    else if (!eslint && legacy) eslint = { name: 'eslint', configFile: relative(folder, legacy), flat: false };
    const biomeFile = biome.find(present);
    if (!biomeConfig && biomeFile) biomeConfig = { name: 'biome', configFile: relative(folder, biomeFile) };
  }
  return [eslint, biomeConfig].filter((linter): linter is DetectedLinter => linter !== undefined);
}
