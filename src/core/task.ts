/** The task taxonomy shared by the agent and the benchmark: families and the three measures every task is tagged with. */

/** What the agent is asked to do; each family has its own instructions and success check. */
export type TaskFamily = 'solve' | 'implement' | 'refactor' | 'translate' | 'optimize' | 'document' | 'ask' | 'test';

export const taskFamilies: readonly TaskFamily[] = ['solve', 'implement', 'refactor', 'translate', 'optimize', 'document', 'ask', 'test'];

/** How much of the code a task spans (Gu et al. 2025): one function, a unit (file or module), or the whole project. */
export type TaskScope = 'function' | 'unit' | 'project';

/** Algorithmic complexity of the task. */
export type TaskComplexity = 'low' | 'medium' | 'high';

/** How much the person is involved: high autonomy means the agent decides alone. */
export type TaskAutonomy = 'low' | 'medium' | 'high';

export interface TaskTags {
  scope: TaskScope;
  complexity: TaskComplexity;
  autonomy: TaskAutonomy;
}

/** A request to the agent, as the CLI and the benchmark give it. */
export interface TaskRequest {
  family: TaskFamily;
  /** The request in words: the issue text, the feature, the refactoring goal, the question. */
  text: string;
  /** What the task is about: a path or symbol (translate, optimize, document, test). */
  target?: string;
  /** translate: the language to write. */
  toLanguage?: string;
  /** optimize: what to make smaller. */
  metric?: 'time' | 'memory';
  tags?: Partial<TaskTags>;
}
