/** Reads TransCoder's `transcoder_evaluation_gfg/` folder: the test scripts of each language, by id. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CodewrightError } from '../../../core/errors.ts';
import { transcoderLanguageInfo, transcoderLanguages, type TranscoderLanguage } from './languages.ts';
import { parseTestScript, type TestScript } from './test-script.ts';

const hasLanguageFolders = (path: string) => transcoderLanguages.some((language) => existsSync(join(path, language)));

/** The folder that holds `python/`, `java/` and `cpp/`: `path` itself, or its `data/transcoder_evaluation_gfg/` (a CodeGen checkout). */
export function resolveScriptsRoot(path: string): string {
  for (const candidate of [path, join(path, 'transcoder_evaluation_gfg'), join(path, 'data', 'transcoder_evaluation_gfg')]) {
    if (statSync(candidate, { throwIfNoEntry: false })?.isDirectory() && hasLanguageFolders(candidate)) return candidate;
  }
  throw new CodewrightError({
    code: 'NOT_FOUND',
    message: `${path} has no TransCoder test scripts. Give the folder data/transcoder_evaluation_gfg of a facebookresearch/CodeGen checkout (it holds python/, java/ and cpp/).`,
    data: { path },
  });
}

/** Every script of `language` under `root`, by id, and problems naming the files that could not be read. */
export function loadTestScripts(root: string, language: TranscoderLanguage): { scripts: Map<string, TestScript>; problems: string[] } {
  const scripts = new Map<string, TestScript>();
  const problems: string[] = [];
  const folder = join(root, language);
  if (!existsSync(folder)) return { scripts, problems };
  const extension = transcoderLanguageInfo[language].extension;
  for (const name of readdirSync(folder).filter((file) => file.endsWith(extension)).sort()) {
    const id = name.slice(0, -extension.length);
    const parsed = parseTestScript(id, language, readFileSync(join(folder, name), 'utf8'));
    if (parsed.success) scripts.set(id, parsed.value);
    else problems.push(`${join(folder, name)}: ${parsed.error}`);
  }
  return { scripts, problems };
}
