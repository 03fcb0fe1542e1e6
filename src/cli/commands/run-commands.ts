/** `codewright apply`, `undo`, `runs` and `show`: a run's change into the user's tree and back, and runs listed and replayed. */
import { join } from 'node:path';
import { applyRun } from '../../agent/run/apply-run.ts';
import { listRuns, loadRun } from '../../agent/run/load-run.ts';
import { replayRun, summarizeRun } from '../../agent/run/replay-run.ts';
import { readTrajectory } from '../../agent/run/trajectory-file.ts';
import { undo } from '../../agent/run/undo-apply.ts';
import type { CommandContext } from '../context.ts';
import { printJson } from '../context.ts';

export interface RunCommandOptions {
  root?: string;
  json?: boolean;
  candidate?: string;
  force?: boolean;
}

/** `codewright apply [run] [--candidate X]`. */
export async function runApply(id: string | undefined, options: RunCommandOptions, context: CommandContext): Promise<void> {
  const result = await applyRun(options.root ?? '.', id ?? 'last', options.candidate ? { candidate: options.candidate } : {});
  if (options.json) return printJson(context, result);
  const { green, dim } = context.colors;
  context.out(green(`applied candidate ${result.candidate} of run ${result.runId}: ${result.files.length} files`));
  for (const path of result.files) context.out(`  ${result.created.includes(path) ? 'created ' : result.deleted.includes(path) ? 'deleted ' : 'changed '}${path}`);
  context.out(dim('undo it with `codewright undo`'));
}

/** `codewright undo [--force]`. */
export async function runUndo(options: RunCommandOptions, context: CommandContext): Promise<void> {
  const result = await undo(options.root ?? '.', { force: Boolean(options.force) });
  if (options.json) return printJson(context, result);
  context.out(context.colors.green(`undid the apply of candidate ${result.candidate} of run ${result.runId}`));
  for (const path of result.restored) context.out(`  restored ${path}`);
  for (const path of result.removed) context.out(`  removed ${path}`);
  if (result.overwritten.length > 0) context.err(`codewright: --force overwrote edits made since the apply to: ${result.overwritten.join(', ')}`);
}

/** `codewright runs [--json]`. */
export async function runRuns(options: RunCommandOptions, context: CommandContext): Promise<void> {
  const summaries = (await listRuns(options.root ?? '.')).map((run) => summarizeRun(run.record));
  if (options.json) return printJson(context, summaries);
  if (summaries.length === 0) {
    context.err('codewright: no runs yet; start one with `codewright solve` (or another task command).');
    return;
  }
  const { bold, dim } = context.colors;
  for (const run of summaries) {
    const candidates = run.candidates.map((item) => item.id).join(',') || '-';
    const time = run.startedAt.replace('T', ' ').slice(0, 19);
    context.out(
      `${bold(run.id)} ${dim(time)} ${run.status} ${run.family}: ${run.text} ${dim(`${run.model}; candidates ${candidates}; selected ${run.selected ?? '-'}; $${run.cost.toFixed(4)}${run.applied ? `; applied ${run.applied}` : ''}`)}`,
    );
  }
}

/** `codewright show <id|last> [--json]`. */
export async function runShow(id: string | undefined, options: RunCommandOptions, context: CommandContext): Promise<void> {
  const run = await loadRun(options.root ?? '.', id ?? 'last');
  const trajectory = readTrajectory(join(run.directory, 'trajectory.jsonl'));
  if (options.json) return printJson(context, { run: run.record, events: trajectory.events, damagedLines: trajectory.damaged });
  for (const line of replayRun(run.record, trajectory.events, context.colors)) context.out(line);
  if (trajectory.damaged > 0) context.err(`codewright: ${trajectory.damaged} lines of the trajectory could not be read (cut short when the run stopped?)`);
}
