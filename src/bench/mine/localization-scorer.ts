/** Scores localization answers: Acc@1, Acc@5 and Acc@10 at file level, the rank of the first right file, and recall in the top 10. */
import type { BenchTask } from '../task-schema.ts';
import type { Attempt, AttemptScore, BenchScorer } from '../types.ts';
import { answerFiles, samePath } from './answer-files.ts';

/** Cut-offs of the accuracy measures. */
export const accuracyCutoffs = [1, 5, 10] as const;

/** Acc@k (an expected file among the first k named), recall@10 and the first right rank (0 when none). */
export function localizationMeasures(answer: string, expected: readonly string[]): Record<string, number> {
  const named = answerFiles(answer);
  const firstHit = named.findIndex((path) => expected.some((file) => samePath(path, file)));
  const measures: Record<string, number> = {};
  for (const k of accuracyCutoffs) measures[`acc@${k}`] = firstHit >= 0 && firstHit < k ? 1 : 0;
  const top = named.slice(0, 10);
  measures['recall@10'] = expected.length === 0 ? 0 : expected.filter((file) => top.some((path) => samePath(path, file))).length / expected.length;
  measures.firstHitRank = firstHit + 1;
  measures.filesNamed = named.length;
  return measures;
}

/** Scores `localize` tasks; passed means an expected file is among the first five named (Acc@5, the usual headline). */
export const localizationScorer: BenchScorer = {
  specificationVersion: 'v1',
  name: 'localization',
  accepts: (task) => task.family === 'localize' && task.scoring.expectedFiles.length > 0,
  async doScore(task: BenchTask, attempt: Attempt): Promise<AttemptScore> {
    const started = performance.now();
    const measures = localizationMeasures(attempt.answer, task.scoring.expectedFiles);
    const passed = measures['acc@5'] === 1;
    const rank = measures.firstHitRank ?? 0;
    const reason =
      measures.filesNamed === 0
        ? 'the answer names no files: answer with file paths, most likely first, one per line'
        : rank > 0
          ? `an expected file is named at rank ${rank} of ${measures.filesNamed}`
          : `none of the ${measures.filesNamed} files named is expected (${task.scoring.expectedFiles.slice(0, 3).join(', ')})`;
    return { taskId: task.id, sample: attempt.sample, passed, status: passed ? 'passed' : 'failed', reason, measures, seconds: (performance.now() - started) / 1000 };
  },
};
