/** Runs a project's own Biome linter on some files of a worktree with its JSON reporter and reads its findings. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runProcess } from '../../core/process.ts';
import { fail, ok, parseJson, type Result } from '../../core/result.ts';
import { formatDuration } from '../build/duration.ts';
import type { InstalledPackage } from '../build/installed-package.ts';
import { lintFinding, toRelativePath, type LintFinding } from './lint-finding.ts';

/** What to lint, where, and with which Biome. */
export interface RunBiomeOptions {
  dir: string;
  files: readonly string[];
  biome: InstalledPackage;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Biome's JSON reporter is marked experimental: 2.x gives `path` and `start.line`, 1.x `path.file` and a byte `span`. */
interface BiomeDiagnostic {
  severity?: string;
  category?: string;
  message?: unknown;
  description?: string;
  location?: { path?: string | { file?: string }; start?: { line?: number; column?: number }; span?: [number, number] };
}

function messageText(diagnostic: BiomeDiagnostic): string {
  if (typeof diagnostic.description === 'string') return diagnostic.description;
  if (typeof diagnostic.message === 'string') return diagnostic.message;
  if (Array.isArray(diagnostic.message)) return diagnostic.message.map((part: { content?: string }) => part.content ?? '').join('');
  return '';
}

function lineOfOffset(dir: string, path: string, offset: number): number {
  try {
    const text = readFileSync(join(dir, path)).subarray(0, offset).toString('utf8');
    return text.split('\n').length;
  } catch {
    return 0;
  }
}

function toFinding(dir: string, diagnostic: BiomeDiagnostic): LintFinding | undefined {
  const location = diagnostic.location ?? {};
  const file = typeof location.path === 'string' ? location.path : location.path?.file;
  if (!file) return undefined;
  const path = toRelativePath(dir, file);
  const line = location.start?.line ?? (location.span ? lineOfOffset(dir, path, location.span[0]) : 0);
  const severity = diagnostic.severity === 'error' || diagnostic.severity === 'fatal' ? 'error' : 'warning';
  return lintFinding({ path, line, column: location.start?.column ?? 0, rule: diagnostic.category ?? 'biome', message: messageText(diagnostic), severity });
}

/** Biome's lint findings for the files, or why it could not run. */
export async function runBiome(options: RunBiomeOptions): Promise<Result<LintFinding[], string>> {
  if (options.files.length === 0) return ok([]);
  const binary = options.biome.bin('biome');
  if (!binary) return fail(`@biomejs/biome ${options.biome.version} has no biome binary`);
  const major = Number(options.biome.version.split('.')[0]);
  const limit = major >= 2 ? 'none' : '200';
  const args = [binary, 'lint', '--reporter=json', `--max-diagnostics=${limit}`, '--files-ignore-unknown=true', '--no-errors-on-unmatched', ...options.files];
  const run = await runProcess(process.execPath, args, { cwd: options.dir, timeoutMs: options.timeoutMs, signal: options.signal, maxOutputBytes: 64 * 1024 * 1024 });
  if (run.timedOut) return fail(`biome timed out after ${formatDuration(options.timeoutMs)}`);
  if (run.spawnError) return fail(`biome could not start: ${run.spawnError.message}`);
  const start = run.stdout.indexOf('{');
  const parsed = parseJson(start >= 0 ? run.stdout.slice(start) : run.stdout);
  const report = parsed.success ? (parsed.value as { diagnostics?: BiomeDiagnostic[] }) : undefined;
  if (!report || !Array.isArray(report.diagnostics)) {
    const detail = (run.stderr.trim() || run.stdout.trim()).split('\n').find((line) => line.trim() !== '') ?? `exit code ${run.code}`;
    return fail(`biome failed: ${detail}`);
  }
  return ok(report.diagnostics.map((diagnostic) => toFinding(options.dir, diagnostic)).filter((finding): finding is LintFinding => finding !== undefined));
}
