/** The definition of each task family, by name. */
import type { TaskFamily } from '../../core/task.ts';
import { askTask } from './ask.ts';
import { documentTask } from './document.ts';
import { implementTask } from './implement.ts';
import { optimizeTask } from './optimize.ts';
import { refactorTask } from './refactor.ts';
import { solveTask } from './solve.ts';
import { testTask } from './test-family.ts';
import { translateTask } from './translate.ts';
import type { TaskDefinition } from './types.ts';

const definitions: Record<TaskFamily, TaskDefinition> = {
  solve: solveTask,
  implement: implementTask,
  refactor: refactorTask,
  translate: translateTask,
  optimize: optimizeTask,
  document: documentTask,
  ask: askTask,
  test: testTask,
};

/** The task definition of `family`: its tags, tools, instructions and success check. */
export function taskDefinition(family: TaskFamily): TaskDefinition {
  return definitions[family];
}
