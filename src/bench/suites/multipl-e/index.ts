/** MultiPL-E's TypeScript prompts (HumanEval and MBPP translated) as generate tasks, scored with tsc then node. */
import type { BenchTask } from '../../task-schema.ts';
import type { SuiteAdapter } from '../../types.ts';
import { loadMultiplETasks } from './load-prompts.ts';

/** Reads `prompts/humaneval-ts-reworded.jsonl`, `prompts/mbpp-ts-reworded.jsonl` (or a folder of them). */
export const multiplEAdapter: SuiteAdapter & { doLoad(path: string, options: { limit?: number }): Promise<{ tasks: BenchTask[]; problems: string[] }> } = {
  specificationVersion: 'v1',
  name: 'multipl-e',
  doLoad: loadMultiplETasks,
};

export { loadMultiplETasks } from './load-prompts.ts';
export { multiplEScorer, createMultiplEScorer } from './multipl-e-scorer.ts';
export type { MultiplEScorer, MultiplEScorerOptions } from './multipl-e-scorer.ts';
export { scoreCompletions } from './score-batch.ts';
export type { BatchScoreOptions, ScoreItem } from '../batch-score.ts';
export { compileBatch, batchCompilerOptions } from './compile-batch.ts';
export type { CompiledBatch } from './compile-batch.ts';
export { declaresFunction, programFor, promptDescription, promptFunctionName, rebuildPrompt } from './prompt-text.ts';
export { multiplERecordSchema } from './record-schema.ts';
export type { MultiplERecord } from './record-schema.ts';
export { datasetOfFile, recordToTask } from './record-to-task.ts';
export { candidateText } from './candidate-text.ts';
export { codeOfAnswer } from './code-block.ts';
export { mapLimit } from './map-limit.ts';
export { createCoalescer } from './coalesce.ts';
export type { Coalescer } from './coalesce.ts';
