/** TransCoder's GeeksforGeeks test scripts (Python, C++, Java) as translation tasks, scored by computational accuracy. */
export { transcoderAdapter, loadTranscoderTasks, translationDirections } from './transcoder-adapter.ts';
export type { TranscoderLoadOptions, TranslationDirection } from './transcoder-adapter.ts';
export { transcoderScorer } from './transcoder-scorer.ts';
export type { BatchScorer } from './transcoder-scorer.ts';
export { scoreTranslations } from './score-batch.ts';
export type { BatchScoreOptions, ScoreItem } from '../batch-score.ts';
export { loadTestScripts, resolveScriptsRoot } from './load-scripts.ts';
export { fillTestScript, parseResultsLine, parseTestScript } from './test-script.ts';
export type { TestScript } from './test-script.ts';
export { runTestScripts } from './run-scripts.ts';
export type { FilledScript, ScriptOutcome } from './script-outcome.ts';
export { knownBrokenScripts } from './known-broken.ts';
export { transcoderLanguageInfo, transcoderLanguages, isTranscoderLanguage } from './languages.ts';
export type { TranscoderLanguage } from './languages.ts';
export { translationTask, transcoderSuiteName } from './script-to-task.ts';
