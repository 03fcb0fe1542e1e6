/** A translation task: the reference function of one language's script, to be written in another language and checked by that language's script. */
import { fail, ok, type Result } from '../../../core/result.ts';
import { benchTaskSchema, type BenchTask } from '../../task-schema.ts';
import { knownBrokenScripts } from './known-broken.ts';
import { transcoderLanguageInfo } from './languages.ts';
import type { TestScript } from './test-script.ts';

export const transcoderSuiteName = 'transcoder';
const upstreamUrl = 'https://github.com/facebookresearch/CodeGen/tree/main/data/transcoder_evaluation_gfg';

const placement = { python: 'a top-level function', java: 'a static method (it is placed inside the test class)', cpp: 'a free function' } as const;

/** The task of translating `source.reference` into `target.language`; `target.text` is the checker. */
export function translationTask(source: TestScript, target: TestScript): Result<BenchTask, string> {
  const from = transcoderLanguageInfo[source.language];
  const to = transcoderLanguageInfo[target.language];
  const sourceFile = `${source.id}${from.extension}`;
  const targetFile = `${target.id}${to.extension}`;
  const parsed = benchTaskSchema.safeParse({
    id: `${transcoderSuiteName}/${source.language}-${target.language}/${source.id}`,
    family: 'translate',
    scope: 'function',
    complexity: 'low',
    autonomy: 'low',
    language: target.language,
    toLanguage: target.language,
    source: { kind: 'inline', files: { [sourceFile]: `${source.reference}\n` } },
    request:
      `Translate the ${from.label} function \`f_gold\` in ${sourceFile} to ${to.label}. Keep the name \`f_gold\`, its parameters ` +
      `and its behaviour; write ${placement[target.language]} only, with no main and no test code. ` +
      `Answer with the ${to.label} code, or write it to ${targetFile}.`,
    target: targetFile,
    scoring: { checker: target.text, reference: target.reference },
    origin: { suite: transcoderSuiteName, upstreamId: source.id, url: upstreamUrl },
    broken: knownBrokenScripts[target.language][target.id],
  });
  if (!parsed.success) return fail(`${source.id}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return ok(parsed.data);
}
