/** `codewright check`: a verdict per hunk of a change, as text, JSON, SARIF or Markdown. */
import { CodewrightError } from '../../core/errors.ts';
import type { EvidenceKind, Intent, Verdict } from '../../core/change.ts';
import { createLogger } from '../../core/logger.ts';
import { runCheck } from '../../evidence/run-check.ts';
import { formatTextReport } from '../../evidence/report/text.ts';
import { formatMarkdownReport } from '../../evidence/report/markdown.ts';
import { formatSarifReport } from '../../evidence/report/sarif.ts';
import type { CommandContext } from '../context.ts';
import { printJson } from '../context.ts';

export interface CheckCommandOptions {
  root?: string;
  base?: string;
  patch?: string;
  intent?: string;
  full?: boolean;
  recordTests?: boolean;
  json?: boolean;
  sarif?: boolean;
  markdown?: boolean;
  failOn?: string;
  timeout?: string;
  only?: string;
}

const intents: readonly Intent[] = ['fix', 'feature', 'refactor'];
const verdicts: readonly Verdict[] = ['broken', 'suspicious', 'unverified', 'likely', 'verified'];
const kinds: readonly EvidenceKind[] = ['build', 'lint', 'api', 'tests', 'coverage', 'differential', 'mutation'];

function invalid(message: string): CodewrightError {
  return new CodewrightError({ code: 'INVALID_ARGUMENT', message });
}

function validate(options: CheckCommandOptions): { intent?: Intent; failOn?: Verdict; timeoutMs?: number; kinds?: EvidenceKind[] } {
  if (options.intent && !intents.includes(options.intent as Intent)) throw invalid(`--intent takes fix, feature or refactor, not \`${options.intent}\`.`);
  if (options.failOn && !verdicts.includes(options.failOn as Verdict)) throw invalid(`--fail-on takes ${verdicts.join(', ')}, not \`${options.failOn}\`.`);
  const formats = [options.json, options.sarif, options.markdown].filter(Boolean).length;
  if (formats > 1) throw invalid('Choose one of --json, --sarif and --markdown.');
  const timeout = options.timeout === undefined ? undefined : Number(options.timeout);
  if (timeout !== undefined && (!Number.isFinite(timeout) || timeout <= 0)) throw invalid(`--timeout takes seconds > 0, not \`${options.timeout}\`.`);
  const only = options.only?.split(',').map((kind) => kind.trim()).filter(Boolean);
  const unknown = only?.filter((kind) => !kinds.includes(kind as EvidenceKind));
  if (unknown && unknown.length > 0) throw invalid(`--only takes ${kinds.join(', ')}; unknown: ${unknown.join(', ')}.`);
  return {
    intent: options.intent as Intent | undefined,
    failOn: options.failOn as Verdict | undefined,
    timeoutMs: timeout === undefined ? undefined : timeout * 1000,
    kinds: only as EvidenceKind[] | undefined,
  };
}

/** Runs the check command and sets the exit code: 0 all verified or likely, 1 problems, 2 usage or environment. */
export async function runCheckCommand(options: CheckCommandOptions, context: CommandContext): Promise<void> {
  const checked = validate(options);
  const report = await runCheck(options.root ?? '.', {
    base: options.base,
    patchFile: options.patch,
    full: Boolean(options.full),
    recordTests: Boolean(options.recordTests),
    ...checked,
    logger: createLogger({ level: 'warn' }),
    onEvent: (event) => {
      if (event.type === 'stage-end') context.err(`check: ${event.stage} done in ${event.milliseconds} ms${event.detail ? ` (${event.detail})` : ''}`);
      else if (!context.stderrIsTTY) context.err(`check: ${event.stage}…`);
    },
  });
  if (options.json) printJson(context, report);
  else if (options.sarif) printJson(context, formatSarifReport(report, '0.1.0'));
  else if (options.markdown) context.out(formatMarkdownReport(report));
  else context.out(formatTextReport(report, context.colors));
  process.exitCode = report.exitCode;
}
