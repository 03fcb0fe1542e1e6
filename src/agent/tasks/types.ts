/** What each task family contributes to a run: its tags, its instructions to the model, its tools and its success check. */
import type { Logger } from '../../core/logger.ts';
import type { TaskFamily, TaskRequest, TaskTags } from '../../core/task.ts';
import type { CheckReport } from '../../evidence/report/types.ts';
import type { CandidateWorkspace } from '../types.ts';

/** Which tools a family gives the model: `read-only` has no edit, write or run. */
export type ToolAccess = 'read-only' | 'full';

/** What a success check is given about one finished candidate. */
export interface SuccessCheckInput {
  request: TaskRequest;
  workspace: CandidateWorkspace;
  /** The candidate's diff against the base (empty when it changed nothing). */
  diff: string;
  /** The model's final answer text (ask, and summaries of the others). */
  answer: string;
  /** `check` of the candidate's change against the base, when it changed code. */
  checkReport?: CheckReport;
  logger: Logger;
  signal?: AbortSignal;
  /** Time limit of one child process, ms. */
  timeoutMs: number;
}

/** The outcome of a family's success check; `score` in [0, 1] ranks candidates that pass. */
export interface SuccessReport {
  passed: boolean;
  score: number;
  /** One line for people: why it passed or failed. */
  summary: string;
  /** Facts behind the summary: failing inputs, missing citations, timings, mutation score. */
  details: string[];
  /** Numbers a benchmark can aggregate (speed-up, p-value, mutation score, agreement). */
  measures?: Record<string, number>;
}

/** One task family. */
export interface TaskDefinition {
  specificationVersion: 'v1';
  family: TaskFamily;
  /** Default tags; a request may override them. */
  tags: TaskTags;
  toolAccess: ToolAccess;
  /** Whether the candidate must leave a change (ask does not). */
  changesCode: boolean;
  /** The family's part of the system prompt, for this request. */
  instructions(request: TaskRequest): string;
  /** Decides whether a finished candidate did what the family asks. Never throws for expected trouble. */
  doCheckSuccess(input: SuccessCheckInput): Promise<SuccessReport>;
}
