/** `check`: a verdict with evidence for every hunk of a change (the working tree, a diff, or a diff file) against a base. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { CodewrightError } from '../../core/errors.ts';
import { createLogger } from '../../core/logger.ts';
import { runCheck } from '../../evidence/run-check.ts';
import { formatTextReport } from '../../evidence/report/text.ts';
import type { CheckReport } from '../../evidence/report/types.ts';
import { progressReporter } from '../progress.ts';
import { repositoryPath } from '../repository-path.ts';
import { adviceForClients, runTool } from '../tool-result.ts';
import type { ToolContext } from './tool-context.ts';

const plain = (text: string) => text;
const plainColors = { bold: plain, dim: plain, green: plain, yellow: plain, red: plain, cyan: plain };
const kinds = ['build', 'lint', 'api', 'tests', 'coverage', 'differential', 'mutation'] as const;

/** The report as text, led by a one-line summary a model can act on. */
export function formatCheckReport(report: CheckReport): string {
  const trouble = report.counts.broken + report.counts.suspicious;
  const lead =
    report.files.length === 0
      ? 'No changes against the base: nothing to check.'
      : trouble > 0
        ? `${trouble} hunk${trouble === 1 ? '' : 's'} broken or suspicious: fix them before handing the change over.`
        : report.counts.unverified > 0
          ? `${report.counts.unverified} hunk${report.counts.unverified === 1 ? '' : 's'} unverified: add tests that exercise them.`
          : 'Every hunk is verified or likely.';
  return `${lead}\n\n${formatTextReport(report, plainColors)}`;
}

/** Registers `check` on `server`. */
export function registerCheckTool(server: McpServer, { repository, logger }: ToolContext): void {
  server.registerTool(
    'check',
    {
      title: 'Check a change hunk by hunk',
      description:
        'Prove a change before handing it over: applies it in isolated git worktrees (your files are never written) and collects evidence per hunk: type and syntax errors, new lint findings, calls to functions that do not exist in the installed dependency versions, impacted tests before and after, coverage of changed lines, differential testing, mutation testing. Each hunk gets a verdict (verified, likely, unverified, suspicious, broken) with the reason. By default checks the working tree (uncommitted and untracked changes) against HEAD. Can take minutes on large test suites.',
      inputSchema: z.object({
        base: z.string().min(1).optional().describe('The revision to compare against (default HEAD), e.g. `main` or a commit.'),
        patch: z.string().min(1).optional().describe('A unified diff (as `git diff` prints it) to check against the base instead of the working tree.'),
        patch_file: z.string().min(1).optional().describe('A unified diff file inside the repository to check instead of the working tree.'),
        intent: z.enum(['fix', 'feature', 'refactor']).optional().describe('What the change claims to be (default: inferred). A refactor must not change behaviour; a fix must be shown by a test that fails before it.'),
        only: z.array(z.enum(kinds)).min(1).optional().describe('Only these kinds of evidence (default: all). `["build", "lint", "api"]` is fast.'),
        full: z.boolean().optional().describe('Run the whole test suite, not only the impacted tests (default false).'),
        timeout_seconds: z.number().positive().max(3600).optional().describe('Time limit of one test run or type-check (default 120).'),
      }),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ base, patch, patch_file, intent, only, full, timeout_seconds }, context) =>
      runTool('check', logger, async () => {
        if (patch && patch_file) throw new CodewrightError({ code: 'INVALID_ARGUMENT', message: 'Give either `patch` (diff text) or `patch_file` (a path), not both.' });
        const report = progressReporter(context);
        const folder = patch ? mkdtempSync(join(tmpdir(), 'codewright-mcp-patch-')) : undefined;
        try {
          const patchFile = folder ? join(folder, 'change.diff') : patch_file ? repositoryPath(repository.root, patch_file) : undefined;
          if (folder && patch) writeFileSync(patchFile!, patch.endsWith('\n') ? patch : `${patch}\n`);
          const result = await runCheck(repository.root, {
            base,
            patchFile,
            intent,
            kinds: only,
            full: Boolean(full),
            timeoutMs: timeout_seconds === undefined ? undefined : timeout_seconds * 1000,
            logger: createLogger({ level: 'warn' }),
            signal: context.mcpReq.signal,
            onEvent: (event) => report(event.type === 'stage-start' ? `check: ${event.stage}` : `check: ${event.stage} done (${event.detail})`),
          });
          return adviceForClients(formatCheckReport(patch ? { ...result, source: 'the patch argument' } : result));
        } finally {
          if (folder) rmSync(folder, { recursive: true, force: true });
        }
      }),
  );
}
