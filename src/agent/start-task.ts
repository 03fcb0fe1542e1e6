/** The agent's entry point for every adapter: configures the model, opens a run, runs the task, and writes the report. */
import { existsSync } from 'node:fs';
import type { Logger } from '../core/logger.ts';
import type { TaskRequest } from '../core/task.ts';
import { databasePath } from '../atlas/store/database.ts';
import { indexRepository } from '../atlas/index/run-index.ts';
import { repositoryTopLevel } from '../evidence/workspace/index.ts';
import { loadConfig } from './config/index.ts';
import { resolveModel } from './model/index.ts';
import { buildReport, renderReportMarkdown, type RunReport } from './report/render-report.ts';
import { candidateDiff, createCandidateWorkspace, createRun, finishRun, removeCandidateWorkspace } from './run/index.ts';
import { runTask } from './run-task.ts';
import { createBudget, type BudgetLimits } from './scaling/budget.ts';
import { redactSecrets, scrubbedEnvironment } from './safety/index.ts';
import { commandPolicyFrom, secretPolicyFrom } from './policy-from-config.ts';
import { taskDefinition } from './tasks/registry.ts';
import { allToolFamilies, createAgentTools, readOnlyToolFamilies } from './tools/index.ts';
import type { Asker } from './types.ts';
import { repositoryMapText } from './repository-map.ts';

export interface StartTaskOptions {
  root: string;
  request: TaskRequest;
  /** `provider:model`; default CODEWRIGHT_MODEL, then codewright.json. */
  model?: string;
  candidates: number;
  rounds: number;
  limits: BudgetLimits;
  maxSteps?: number;
  /** Time limit of one child process (tests, check), ms; default 120 s. */
  timeoutMs?: number;
  asker: Asker;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
  onProgress?: (line: string) => void;
  onText?: (candidate: string, delta: string) => void;
  signal?: AbortSignal;
  /**
   * Drop secret-looking variables from this process's environment once the model holds its key, so that tests
   * and checks the model's code runs in (child processes inherit it) cannot read them. For a process that
   * runs one task, like the CLI.
   */
  scrubProcessEnvironment?: boolean;
}

export interface StartTaskOutcome {
  runId: string;
  runDirectory: string;
  report: RunReport;
  /** 0 when the selected candidate passed its success check, 1 when none did. */
  exitCode: number;
}

/**
 * Runs a task end to end. The model is resolved before anything is written, so that a missing model stops at
 * once with the how-to; the user's tree is never written (only `.codewright/`).
 */
export async function startTask(options: StartTaskOptions): Promise<StartTaskOutcome> {
  const started = Date.now();
  const topLevel = await repositoryTopLevel(options.root);
  const loaded = loadConfig(topLevel, options.env ?? process.env);
  if (!loaded.success) throw loaded.error;
  const model = resolveModel(options.model, loaded.value.config, options.env ?? process.env);
  if (options.scrubProcessEnvironment) {
    const kept = scrubbedEnvironment(process.env);
    for (const name of Object.keys(process.env)) if (!(name in kept)) delete process.env[name];
  }
  const definition = taskDefinition(options.request.family);
  const timeoutMs = options.timeoutMs ?? 120_000;
  const progress = options.onProgress ?? (() => {});
  // Candidates start from a copy of the user's index, so bring it up to date once (it lives in .codewright/, not the tree).
  progress('updating the code index');
  await indexRepository(topLevel, { logger: options.logger, waitMs: 60_000, ...(options.signal ? { signal: options.signal } : {}) }).catch((error: unknown) =>
    options.logger.warn(`the code index could not be updated (${error instanceof Error ? error.message : String(error)}); candidates index their worktrees themselves`),
  );
  const run = await createRun(topLevel, {
    task: options.request,
    model: model.id,
    limits: { candidates: options.candidates, rounds: options.rounds, ...(options.maxSteps ? { maxSteps: options.maxSteps } : {}), ...options.limits },
    redact: redactSecrets,
    logger: options.logger,
  });
  progress(`run ${run.id}: ${options.request.family} with ${model.id}, ${options.candidates} candidate${options.candidates === 1 ? '' : 's'}`);
  const budget = createBudget(options.limits, options.signal);
  const commandPolicy = commandPolicyFrom(loaded.value);
  const secretPolicy = secretPolicyFrom(loaded.value);
  const repositoryMap = existsSync(databasePath(topLevel)) ? repositoryMapText(topLevel) : undefined;
  try {
    const result = await runTask({
      request: options.request,
      definition,
      model,
      trajectory: run.trajectory,
      budget,
      asker: options.asker,
      candidates: options.candidates,
      rounds: options.rounds,
      ...(options.maxSteps ? { maxSteps: options.maxSteps } : {}),
      timeoutMs,
      logger: options.logger,
      onProgress: progress,
      ...(options.onText ? { onText: options.onText } : {}),
      services: {
        createWorkspace: (candidate, workspaceOptions) => createCandidateWorkspace(run, candidate, { ...workspaceOptions, logger: options.logger, timeoutMs }),
        diffOf: (workspace) => candidateDiff(workspace, { timeoutMs }),
        saveDiff: (candidate, diff) => void run.saveDiff(candidate, diff),
        removeWorkspace: (workspace) => removeCandidateWorkspace(workspace, { timeoutMs, logger: options.logger }),
        toolsFor: (workspace, access) =>
          createAgentTools({ workspace, asker: options.asker, commandPolicy, secretPolicy, trajectory: run.trajectory, logger: options.logger, signal: budget.signal }, { families: access === 'read-only' ? readOnlyToolFamilies : allToolFamilies }),
        ...(repositoryMap ? { repositoryMap } : {}),
      },
    });
    const failures = result.candidates.filter((record) => record.status === 'error' && record.error);
    if (failures.length > 0 && failures.length === result.candidates.length) {
      // Every candidate hit the same wall (a key, an address, a model name): say it once, as an environment error.
      throw failures[0]!.error!;
    }
    const report = buildReport({ runId: run.id, request: options.request, model: model.id, result, budget, milliseconds: Date.now() - started });
    run.saveReport(renderReportMarkdown(report));
    run.saveReport(`${JSON.stringify(report, null, 2)}\n`, 'report.json');
    const spend = budget.perCandidate();
    finishRun(run, {
      status: result.stoppedBy === 'interrupted' ? 'interrupted' : 'done',
      ...(result.selected ? { selected: result.selected, selection: result.explanation } : {}),
      candidates: result.candidates.map((record) => ({
        id: record.candidate,
        round: record.round,
        ...(record.parent ? { parent: record.parent } : {}),
        status: record.status,
        ...(spend[record.candidate] ? { spend: spend[record.candidate]! } : {}),
      })),
      spend: { ...budget.total(), milliseconds: Date.now() - started },
      ...(result.stoppedBy ? { reason: `stopped by ${result.stoppedBy}` } : {}),
    });
    const selected = result.candidates.find((record) => record.candidate === result.selected);
    const passed = selected?.evaluation?.success.passed === true;
    return { runId: run.id, runDirectory: run.directory, report, exitCode: passed ? 0 : 1 };
  } catch (error) {
    finishRun(run, { status: options.signal?.aborted ? 'interrupted' : 'failed', reason: error instanceof Error ? error.message : String(error), spend: { ...budget.total(), milliseconds: Date.now() - started } });
    throw error;
  } finally {
    budget.dispose();
  }
}
