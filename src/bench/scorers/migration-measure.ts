/** Migration correctness for translation tasks between TypeScript, JavaScript and Python: source and translation agree on generated inputs. */
import { silentLogger } from '../../core/logger.ts';
import { createTranslateTask } from '../../agent/tasks/translate.ts';
import type { TaskDefinition } from '../../agent/tasks/types.ts';
import type { BenchTask } from '../task-schema.ts';
import type { BenchMeasure } from '../types.ts';

const comparable = new Set(['typescript', 'javascript', 'python']);
const sourceLanguage: Record<string, string> = { '.ts': 'typescript', '.mts': 'typescript', '.js': 'javascript', '.mjs': 'javascript', '.py': 'python' };

function languageOfTarget(task: BenchTask): string | undefined {
  const extension = /\.[a-z]+$/.exec(task.target ?? '')?.[0];
  return extension ? sourceLanguage[extension] : undefined;
}

/** The agent's own translation check (docs/agent.md) as a measure: `agreement` in [0, 1] and `migrationPassed` 0 or 1. */
export function createMigrationMeasure(definition: TaskDefinition = createTranslateTask()): BenchMeasure {
  return {
    specificationVersion: 'v1',
    name: 'migration',
    accepts: (task) => task.family === 'translate' && comparable.has(task.toLanguage ?? '') && comparable.has(languageOfTarget(task) ?? ''),
    async doMeasure(task, attempt, worktree, options) {
      const report = await definition.doCheckSuccess({
        request: { family: 'translate', text: task.request, ...(task.target ? { target: task.target } : {}), ...(task.toLanguage ? { toLanguage: task.toLanguage } : {}) },
        workspace: { id: attempt.agent, root: worktree, repositoryRoot: worktree, base: options.base ?? 'HEAD' },
        diff: attempt.patch,
        answer: attempt.answer,
        logger: options.logger ?? silentLogger,
        timeoutMs: options.timeoutMs,
        signal: options.signal,
      });
      return { agreement: report.measures?.agreement ?? 0, migrationPassed: report.passed ? 1 : 0 };
    },
  };
}

export const migrationMeasure: BenchMeasure = createMigrationMeasure();
