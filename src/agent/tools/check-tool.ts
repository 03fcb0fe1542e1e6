/** `check`: the evidence engine on the candidate's change against the run's base, as compact per-hunk verdicts. */
import { tool } from 'ai';
import { z } from 'zod';
import type { Verdict } from '../../core/change.ts';
import { CodewrightError } from '../../core/errors.ts';
import type { CheckReport } from '../../evidence/report/types.ts';
import { runCheck } from '../../evidence/run-check.ts';
import type { ToolRuntime } from './tool-runtime.ts';

const evidenceKinds = ['build', 'lint', 'api', 'tests', 'coverage', 'differential', 'mutation'] as const;

const inputSchema = z.object({
  intent: z.enum(['fix', 'feature', 'refactor']).optional().describe('What the change claims to be; refactor means behaviour must not change (default: inferred)'),
  kinds: z.array(z.enum(evidenceKinds)).optional().describe('Only these kinds of evidence, for a quicker check (default: all)'),
});

type CheckInput = z.infer<typeof inputSchema>;

const shownEvidence = 3;

/** The report as a few lines per hunk: verdict, where, reason, and the findings that are not passes. */
export function formatCheckReport(report: CheckReport): string {
  if (report.files.length === 0) return 'no changes against the base yet: nothing to check';
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.hunks.length === 0) lines.push(`${file.path} (${file.kind}): no hunks to judge`);
    for (const { hunk, verdict, reason, evidence } of file.hunks) {
      const where = hunk.newLines > 0 ? `${file.path}:${hunk.newStart}-${hunk.newStart + hunk.newLines - 1}` : `${file.path}: removed at ${hunk.oldStart}`;
      lines.push(`${verdict.toUpperCase()} ${where}: ${reason}`);
      const findings = evidence.filter((item) => (item.status === 'fail' || item.status === 'warn') && item.message !== reason);
      for (const item of findings.slice(0, shownEvidence)) lines.push(`  - ${item.kind} ${item.status}: ${item.message}`);
      if (findings.length > shownEvidence) lines.push(`  - [... ${findings.length - shownEvidence} more findings]`);
    }
  }
  for (const item of report.changeEvidence) lines.push(`change ${item.status}: ${item.message}`);
  for (const { kind, reason } of report.unavailable) lines.push(`not checked (${kind}): ${reason}`);
  const counts = (Object.entries(report.counts) as [Verdict, number][]).filter(([, count]) => count > 0).map(([verdict, count]) => `${count} ${verdict}`);
  lines.push(`${counts.join(', ')} (intent ${report.intent}; ${(report.milliseconds / 1000).toFixed(1)} s)`);
  return lines.join('\n');
}

/** Runs check on the worktree and formats it. */
export async function checkWorktree(runtime: ToolRuntime, input: CheckInput, abortSignal?: AbortSignal): Promise<string> {
  const { workspace, commandPolicy, logger } = runtime.context;
  const signal = runtime.signal(abortSignal);
  try {
    const report = await runCheck(workspace.root, {
      base: workspace.base,
      timeoutMs: commandPolicy.timeoutMs,
      logger,
      ...(input.intent ? { intent: input.intent } : {}),
      ...(input.kinds && input.kinds.length > 0 ? { kinds: input.kinds } : {}),
      ...(signal ? { signal } : {}),
    });
    return formatCheckReport(report);
  } catch (error) {
    // Expected trouble (git failing, a time limit) reaches the model as text; bugs still throw.
    if (!CodewrightError.isInstance(error)) throw error;
    return `check could not run: ${error.message}`;
  }
}

/** The `check` tool. */
export function createCheckTool(runtime: ToolRuntime) {
  return tool({
    description:
      'Check your change against the starting commit with the evidence engine: types, lint, API use, impacted tests (run on the old and the new code), ' +
      'coverage, differential and mutation testing. Returns a verdict per hunk (broken, suspicious, unverified, likely, verified) with the reason. ' +
      'Slow: use it when you think the change is done, then fix what is broken or suspicious.',
    inputSchema,
    execute: async (input, options) => runtime.finish(await checkWorktree(runtime, input, options?.abortSignal), 'check fewer kinds of evidence'),
  });
}
