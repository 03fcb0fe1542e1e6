/** Runs filled test scripts of any of the three languages in a scratch folder, each language with its own runner. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCppScripts } from './cpp-runner.ts';
import { runJavaScripts } from './java-runner.ts';
import type { TranscoderLanguage } from './languages.ts';
import { runPythonScripts } from './python-runner.ts';
import type { FilledScript, RunnerOptions, ScriptOutcome } from './script-outcome.ts';

const runners: Record<TranscoderLanguage, (scripts: readonly FilledScript[], options: RunnerOptions) => Promise<ScriptOutcome[]>> = {
  python: runPythonScripts,
  java: runJavaScripts,
  cpp: runCppScripts,
};

/** Compiles and runs every script (`workers` processes at a time); outcomes come back in input order. */
export async function runTestScripts(scripts: readonly FilledScript[], options: { workers?: number; timeoutMs: number; signal?: AbortSignal }): Promise<ScriptOutcome[]> {
  const directory = mkdtempSync(join(tmpdir(), 'codewright-transcoder-'));
  const outcomes = new Array<ScriptOutcome>(scripts.length);
  try {
    for (const language of Object.keys(runners) as TranscoderLanguage[]) {
      const indexes = scripts.flatMap((script, index) => (script.language === language ? [index] : []));
      if (indexes.length === 0) continue;
      const ran = await runners[language](
        indexes.map((index) => scripts[index] as FilledScript),
        { directory, workers: options.workers ?? 1, timeoutMs: options.timeoutMs, signal: options.signal },
      );
      for (const [position, index] of indexes.entries()) outcomes[index] = ran[position] as ScriptOutcome;
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  return outcomes;
}
