/** The `lint` evidence provider: the project's own linter on the changed files of both worktrees, new findings only. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Evidence } from '../../core/change.ts';
import type { Result } from '../../core/result.ts';
import { maxFailures } from '../build/diagnostic-evidence.ts';
import { changedFiles, hunkAt, hunkIdsOf, type ChangedFile } from '../build/hunk-lines.ts';
import { findInstalledPackage } from '../build/installed-package.ts';
import { introducedFindings } from '../build/new-findings.ts';
import type { CheckContext, EvidenceProvider } from '../types.ts';
import { detectLinters, type DetectedLinter } from './detect-linter.ts';
import type { LintFinding } from './lint-finding.ts';
import { runBiome } from './run-biome.ts';
import { eslintSupport, runEslint } from './run-eslint.ts';

const eslintFiles = /\.(c|m)?(j|t)sx?$|\.(vue|svelte|astro)$/;
const biomeFiles = /\.(c|m)?(j|t)sx?$|\.(jsonc?|css|graphql|gql)$/;

type Runner = (dir: string, files: readonly string[]) => Promise<Result<LintFinding[], string>>;

/** The runner for a detected linter with its version, or why it cannot run. */
function prepare(context: CheckContext, linter: DetectedLinter): { runner: Runner; label: string } | { reason: string } {
  const from = join(context.changeDir, dirname(linter.configFile));
  const options = { timeoutMs: context.timeoutMs, signal: context.signal };
  if (linter.name === 'eslint') {
    const eslint = findInstalledPackage(from, 'eslint', context.changeDir);
    if (!eslint) return { reason: `eslint is configured (${linter.configFile}) but not installed; run npm install` };
    const unsupported = eslintSupport(eslint, linter.flat);
    if (unsupported) return { reason: unsupported };
    return { label: `eslint ${eslint.version}`, runner: (dir, files) => runEslint({ dir, files, eslint, flat: linter.flat, ...options }) };
  }
  const biome = findInstalledPackage(from, '@biomejs/biome', context.changeDir);
  if (!biome) return { reason: `biome is configured (${linter.configFile}) but @biomejs/biome is not installed; run npm install` };
  return { label: `biome ${biome.version}`, runner: (dir, files) => runBiome({ dir, files, biome, ...options }) };
}

function toEvidence(context: CheckContext, finding: LintFinding): Evidence {
  const hunk = hunkAt(context.hunks, finding.path, finding.line);
  return {
    kind: 'lint',
    status: finding.severity === 'error' ? 'fail' : 'warn',
    message: `lint ${finding.severity} ${finding.rule} at ${finding.path}:${finding.line}: ${finding.message}`,
    hunks: hunk ? [hunk.id] : [],
    location: { path: finding.path, line: finding.line },
    data: { rule: finding.rule, column: finding.column },
  };
}

/** Lints the files one linter covers in both worktrees and reports what the change adds. */
async function lintWith(context: CheckContext, linter: DetectedLinter, files: ChangedFile[]): Promise<Evidence[]> {
  const paths = files.map((file) => file.path);
  const hunks = hunkIdsOf(context.hunks, paths);
  const prepared = prepare(context, linter);
  if ('reason' in prepared) return [{ kind: 'lint', status: 'unavailable', message: prepared.reason, hunks }];
  const oldPaths = files.flatMap((file) => (file.oldPath !== null && existsSync(join(context.baseDir, file.oldPath)) ? [file.oldPath] : []));
  const [base, changed] = await Promise.all([prepared.runner(context.baseDir, oldPaths), prepared.runner(context.changeDir, paths)]);
  if (!changed.success) return [{ kind: 'lint', status: 'unavailable', message: changed.error, hunks }];
  if (!base.success) return [{ kind: 'lint', status: 'unavailable', message: `${base.error} (base revision)`, hunks }];
  const introduced = introducedFindings(base.value, changed.value, context.change);
  if (introduced.length === 0) {
    const count = paths.length === 1 ? paths[0] : `${paths.length} files`;
    return [{ kind: 'lint', status: 'pass', message: `no new lint findings (${prepared.label}, ${count})`, hunks }];
  }
  const evidence = introduced.slice(0, maxFailures).map((finding) => toEvidence(context, finding));
  if (introduced.length > maxFailures) evidence.push({ kind: 'lint', status: 'fail', message: `… and ${introduced.length - maxFailures} more new lint findings`, hunks: [] });
  return evidence;
}

async function checkLint(context: CheckContext): Promise<Evidence[]> {
  const files = changedFiles(context.change).filter((file) => eslintFiles.test(file.path) || biomeFiles.test(file.path));
  if (files.length === 0) return [];
  const linters = detectLinters(
    context.changeDir,
    files.map((file) => file.path),
  );
  if (linters.length === 0) {
    const code = files.filter((file) => eslintFiles.test(file.path)).map((file) => file.path);
    return code.length === 0 ? [] : [{ kind: 'lint', status: 'unavailable', message: 'no linter configured', hunks: hunkIdsOf(context.hunks, code) }];
  }
  const evidence: Evidence[] = [];
  for (const linter of linters) {
    const pattern = linter.name === 'eslint' ? eslintFiles : biomeFiles;
    const covered = files.filter((file) => pattern.test(file.path));
    if (covered.length > 0) evidence.push(...(await lintWith(context, linter, covered)));
  }
  return evidence;
}

/** Creates the lint provider: ESLint (flat or legacy config) or Biome, as the project configures and installs them. */
export function createLintProvider(): EvidenceProvider {
  return { specificationVersion: 'v1', kind: 'lint', doCheck: checkLint };
}
