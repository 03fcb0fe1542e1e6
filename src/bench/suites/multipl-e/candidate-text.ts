/** The code an attempt proposes: the answer text (code fences removed) or, when the answer is empty, the task's target file. */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { BenchTask } from '../../task-schema.ts';
import type { Attempt } from '../../types.ts';
import { codeOfAnswer } from './code-block.ts';

/** The answer's code when it has any, else the content of `task.target` in the worktree, else ''. */
export function candidateText(task: BenchTask, attempt: Attempt, worktree: string): string {
  const answer = codeOfAnswer(attempt.answer);
  if (answer.trim() !== '') return answer;
  if (!task.target) return '';
  const file = join(worktree, task.target.split('#')[0] ?? '');
  // A target that points outside the worktree is not read.
  const inside = relative(worktree, file);
  if (inside.startsWith('..') || isAbsolute(inside) || !existsSync(file)) return '';
  return readFileSync(file, 'utf8');
}
