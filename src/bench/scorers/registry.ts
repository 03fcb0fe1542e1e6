/** The scorers and measures of every suite, in order of preference: suite-specific scorers first, the generic tests scorer last. */
import { localizationScorer, longevityMeasure, refactorScorer } from '../mine/index.ts';
import { multiplEScorer } from '../suites/multipl-e/index.ts';
import { transcoderScorer } from '../suites/transcoder/index.ts';
import type { BenchMeasure, BenchScorer } from '../types.ts';
import { migrationMeasure } from './migration-measure.ts';
import { testsScorer } from './tests-scorer.ts';

/** Each task is scored by the first of these that accepts it (see scorerFor). */
export const benchScorers: readonly BenchScorer[] = [multiplEScorer, transcoderScorer, localizationScorer, refactorScorer, testsScorer];

/** Measures added to every score of a task they accept: bug-fix longevity of mined fix tasks, migration correctness of translations. */
export const benchMeasures: readonly BenchMeasure[] = [longevityMeasure, migrationMeasure];
