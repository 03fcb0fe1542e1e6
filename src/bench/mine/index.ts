/** Tasks mined from a repository's own history, and the scores that go with them: Acc@k, refactor quality, bug-fix longevity. */
export { mineRepository, writeTasks } from './mine-repository.ts';
export type { MineEvent, MineKind, MineOptions, MineResult, RejectedCandidate } from './mine-options.ts';
export { minedSuiteName, minedTaskId } from './mined-task.ts';
export { accuracyCutoffs, localizationMeasures, localizationScorer } from './localization-scorer.ts';
export { answerFiles } from './answer-files.ts';
export { refactorScorer } from './refactor-scorer.ts';
export type { BehaviourVerdict } from './behaviour-evidence.ts';
export { behaviourVerdict } from './behaviour-evidence.ts';
export { fileComplexity } from './complexity.ts';
export { duplicatedLines, duplicationWindow } from './duplication.ts';
export { longevityMeasure, measureLongevity } from './longevity.ts';
