/** The TransCoder suite adapter: every function with scripts in two languages becomes a translation task in each direction. */
import type { BenchTask } from '../../task-schema.ts';
import type { SuiteAdapter } from '../../types.ts';
import { transcoderLanguages, type TranscoderLanguage } from './languages.ts';
import { loadTestScripts, resolveScriptsRoot } from './load-scripts.ts';
import { transcoderSuiteName, translationTask } from './script-to-task.ts';
import type { TestScript } from './test-script.ts';

/** `source-target`, as in `java-python`. */
export type TranslationDirection = `${TranscoderLanguage}-${TranscoderLanguage}`;

/** The six directions between Python, Java and C++. */
export const translationDirections: TranslationDirection[] = transcoderLanguages.flatMap((from) =>
  transcoderLanguages.filter((to) => to !== from).map((to) => `${from}-${to}` as TranslationDirection),
);

export interface TranscoderLoadOptions {
  limit?: number;
  /** Only these directions (default: all six). */
  directions?: TranslationDirection[];
}

/** Loads translation tasks from a `transcoder_evaluation_gfg/` folder (or a CodeGen checkout holding one). */
export async function loadTranscoderTasks(path: string, options: TranscoderLoadOptions = {}): Promise<{ tasks: BenchTask[]; problems: string[] }> {
  const root = resolveScriptsRoot(path);
  const problems: string[] = [];
  const scripts = {} as Record<TranscoderLanguage, Map<string, TestScript>>;
  for (const language of transcoderLanguages) {
    const loaded = loadTestScripts(root, language);
    scripts[language] = loaded.scripts;
    problems.push(...loaded.problems);
  }
  const tasks: BenchTask[] = [];
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  for (const direction of options.directions ?? translationDirections) {
    const [from, to] = direction.split('-') as [TranscoderLanguage, TranscoderLanguage];
    for (const [id, source] of scripts[from]) {
      const target = scripts[to].get(id);
      if (!target) continue;
      if (tasks.length >= limit) return { tasks, problems };
      const task = translationTask(source, target);
      if (task.success) tasks.push(task.value);
      else problems.push(task.error);
    }
  }
  return { tasks, problems };
}

/** Reads `python/`, `java/` and `cpp/` test scripts of TransCoder's GeeksforGeeks evaluation set. */
export const transcoderAdapter: SuiteAdapter & { doLoad(path: string, options: TranscoderLoadOptions): Promise<{ tasks: BenchTask[]; problems: string[] }> } = {
  specificationVersion: 'v1',
  name: transcoderSuiteName,
  doLoad: loadTranscoderTasks,
};
