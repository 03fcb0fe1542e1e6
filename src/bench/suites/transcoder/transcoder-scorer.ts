/** The TransCoder scorer: computational accuracy of a translation, one attempt at a time or in batches. */
import type { BenchScorer } from '../../types.ts';
import { transcoderLanguageInfo, isTranscoderLanguage } from './languages.ts';
import type { BatchScoreOptions, ScoreItem } from '../batch-score.ts';
import { scoreTranslations } from './score-batch.ts';
import type { AttemptScore } from '../../types.ts';

/** A scorer that can also take many attempts at once (one javac for all Java scripts, parallel runs). */
export interface BatchScorer extends BenchScorer {
  doScoreBatch(items: readonly ScoreItem[], options: BatchScoreOptions): Promise<AttemptScore[]>;
}

/** Accepts translate tasks whose checker is a TransCoder script of the target language (it has the TOFILL marker). */
export const transcoderScorer: BatchScorer = {
  specificationVersion: 'v1',
  name: 'transcoder',
  accepts: (task) =>
    task.family === 'translate' && isTranscoderLanguage(task.toLanguage) && (task.scoring.checker?.includes(transcoderLanguageInfo[task.toLanguage].marker) ?? false),
  doScore: async (task, attempt, worktree, options) => {
    const [score] = await scoreTranslations([{ task, attempt, worktree }], options);
    return score as AttemptScore;
  },
  doScoreBatch: scoreTranslations,
};
