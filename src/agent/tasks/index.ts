/** Task families: what each asks of the model and how a finished candidate is judged. */
export { taskDefinition } from './registry.ts';
export type { SuccessCheckInput, SuccessReport, TaskDefinition, ToolAccess } from './types.ts';
export { askTask } from './ask.ts';
export { extractCitations, type Citation } from './ask-citations.ts';
export { checkAsk } from './ask-check.ts';
export { documentTask } from './document.ts';
export { checkDocument } from './document-check.ts';
export type { DocumentedFunction } from './document-types.ts';
export { implementTask, checkImplement } from './implement.ts';
export { refactorTask } from './refactor.ts';
export { checkRefactor } from './refactor-check.ts';
export { solveTask } from './solve.ts';
export { checkSolve } from './solve-check.ts';
export { createTestTask, testTask } from './test-family.ts';
export { createTestFamilyCheck, minimumMutationScore, type TestTaskOptions } from './test-family-check.ts';
export { locateTarget, type TargetRange } from './test-family-target.ts';
export { createTranslateTask, translateTask } from './translate.ts';
export { createOptimizeTask, optimizeTask } from './optimize.ts';
