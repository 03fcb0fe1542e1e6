/** Runs a project's own ESLint on some files of a worktree with JSON output and reads its findings. */
import { runProcess } from '../../core/process.ts';
import { fail, ok, parseJson, type Result } from '../../core/result.ts';
import { formatDuration } from '../build/duration.ts';
import type { InstalledPackage } from '../build/installed-package.ts';
import { lintFinding, toRelativePath, type LintFinding } from './lint-finding.ts';

/** What to lint, where, and with which ESLint. */
export interface RunEslintOptions {
  dir: string;
  /** Repository-relative files to lint; they must exist in `dir`. */
  files: readonly string[];
  eslint: InstalledPackage;
  /** False for a legacy `.eslintrc*` config. */
  flat: boolean;
  timeoutMs: number;
  signal?: AbortSignal;
}

interface EslintResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; severity: number; message: string; line?: number; column?: number }>;
}

/** Why this ESLint cannot lint with this kind of config, if it cannot. */
export function eslintSupport(eslint: InstalledPackage, flat: boolean): string | undefined {
  const major = Number(eslint.version.split('.')[0]);
  if (!flat && major >= 10) return `eslint ${eslint.version} no longer reads legacy .eslintrc configs; migrate to eslint.config.js`;
  if (flat && major < 8) return `eslint ${eslint.version} does not read eslint.config.* files; upgrade eslint`;
  return undefined;
}

/** ESLint's findings for the files, or why it could not run (crash, bad config, timeout). */
export async function runEslint(options: RunEslintOptions): Promise<Result<LintFinding[], string>> {
  if (options.files.length === 0) return ok([]);
  const binary = options.eslint.bin('eslint');
  if (!binary) return fail(`eslint ${options.eslint.version} has no eslint binary`);
  const major = Number(options.eslint.version.split('.')[0]);
  const args = [binary, '--format', 'json', ...(major >= 9 ? ['--no-warn-ignored'] : []), ...options.files];
  const env = { ...process.env, ESLINT_USE_FLAT_CONFIG: options.flat ? 'true' : 'false' };
  const run = await runProcess(process.execPath, args, { cwd: options.dir, env, timeoutMs: options.timeoutMs, signal: options.signal, maxOutputBytes: 64 * 1024 * 1024 });
  if (run.timedOut) return fail(`eslint timed out after ${formatDuration(options.timeoutMs)}`);
  if (run.spawnError) return fail(`eslint could not start: ${run.spawnError.message}`);
  const parsed = parseJson(run.stdout);
  if ((run.code !== 0 && run.code !== 1) || !parsed.success || !Array.isArray(parsed.value)) {
    const detail = (run.stderr.trim() || run.stdout.trim()).split('\n').find((line) => line.trim() !== '') ?? `exit code ${run.code}`;
    return fail(`eslint failed: ${detail}`);
  }
  return ok(
    (parsed.value as EslintResult[]).flatMap((result) =>
      // ESLint 8 has no --no-warn-ignored: it warns, without a rule, about files its config ignores.
      result.messages.filter((message) => message.ruleId !== null || !message.message.startsWith('File ignored')).map((message) =>
        lintFinding({
          path: toRelativePath(options.dir, result.filePath),
          line: message.line ?? 0,
          column: message.column ?? 0,
          rule: message.ruleId ?? 'parse',
          message: message.message,
          severity: message.severity >= 2 ? 'error' : 'warning',
        }),
      ),
    ),
  );
}
