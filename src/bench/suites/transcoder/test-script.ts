/** One TransCoder test script: its reference function (`f_gold`) and how a candidate is filled in at the TOFILL marker. */
import { fail, ok, type Result } from '../../../core/result.ts';
import { transcoderLanguageInfo, type TranscoderLanguage } from './languages.ts';

export interface TestScript {
  /** The GeeksforGeeks function id, which is also the file name and, in Java, the class name. */
  id: string;
  language: TranscoderLanguage;
  /** The script as it runs: in Java without `import javafx.util.Pair;` (JavaFX is not part of the JDK and no script uses it). */
  text: string;
  /** The reference function `f_gold` (with its Python imports when they sit above it). */
  reference: string;
}

const javafxImport = /^import javafx\.util\.Pair;[ \t]*\r?\n/m;

/** Reads a script's reference function; fails with the reason when the script has no marker or no `f_gold`. */
export function parseTestScript(id: string, language: TranscoderLanguage, raw: string): Result<TestScript, string> {
  const text = language === 'java' ? raw.replace(javafxImport, '') : raw;
  const marker = text.indexOf(transcoderLanguageInfo[language].marker);
  if (marker < 0) return fail(`has no ${transcoderLanguageInfo[language].marker} marker`);
  const lines = text.slice(0, marker).split('\n');
  const start = lines.findIndex((line) => /\bf_gold\b/.test(line));
  if (start < 0) return fail('has no f_gold function before the TOFILL marker');
  return ok({ id, language, text, reference: lines.slice(start).join('\n').trim() });
}

/** The script with `candidate` in place of the marker; `f_gold` in the candidate is renamed `f_filled` as TransCoder does. */
export function fillTestScript(script: TestScript, candidate: string): string {
  const marker = transcoderLanguageInfo[script.language].marker;
  const at = script.text.indexOf(marker);
  const filled = candidate.replace(/\bf_gold\b/g, 'f_filled');
  return `${script.text.slice(0, at)}${filled}${script.text.slice(at + marker.length)}`;
}

/** The numbers a script prints last: `#Results: passed, total`. */
export function parseResultsLine(output: string): { passed: number; total: number } | undefined {
  const match = /#Results:\s*(\d+)\s*,\s*(\d+)/.exec(output);
  return match ? { passed: Number(match[1]), total: Number(match[2]) } : undefined;
}
