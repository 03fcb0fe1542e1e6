/** Reads a translate request: the source file, its language, the language to write and the translation's path. */
import path from 'node:path';
import type { TaskRequest } from '../../../core/task.ts';
import { type Result, fail, ok } from '../../../core/result.ts';
import { type SourceLanguage, languageOfPath, parseLanguage, targetPathFor } from './languages.ts';

/** What to translate where; paths are relative to the repository root with `/` separators. */
export interface TranslationPlan {
  source: string;
  from: SourceLanguage;
  to: SourceLanguage;
  target: string;
}

/** The plan, or a reason that says how to fix the request. */
export function planTranslation(request: TaskRequest): Result<TranslationPlan, string> {
  const source = request.target?.trim().replaceAll('\\', '/').replace(/^\.\//, '');
  if (!source) return fail('translate needs the source file: `translate <path> --to <language>`');
  if (path.posix.isAbsolute(source) || source.split('/').includes('..')) return fail(`\`${source}\` must be a path inside the repository`);
  const from = languageOfPath(source);
  if (!from) return fail(`\`${source}\` is not JavaScript, TypeScript or Python (.js, .mjs, .cjs, .ts, .mts, .cts, .py)`);
  const to = parseLanguage(request.toLanguage);
  if (!to) return fail(`unsupported target language \`${request.toLanguage ?? ''}\`: use --to typescript, javascript or python`);
  if (from === to) return fail(`\`${source}\` is already ${to}: choose another --to language`);
  return ok({ source, from, to, target: targetPathFor(source, to) });
}
