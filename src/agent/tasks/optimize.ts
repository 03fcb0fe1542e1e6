/** The optimize family: make one function faster or smaller without changing what it does, proven by a benchmark and a significance test. */
import type { TaskRequest } from '../../core/task.ts';
import { type OptimizationCheckOptions, checkOptimization } from './benchmark/check-optimization.ts';
import { minimumImprovement, significanceLevel } from './benchmark/judge-benchmark.ts';
import type { TaskDefinition } from './types.ts';

function instructions(request: TaskRequest): string {
  const metric = request.metric ?? 'time';
  const target = request.target ? `\`${request.target}\`` : 'the function the user names';
  const goal = metric === 'time' ? 'run faster' : 'allocate less memory';
  const threshold = metric === 'time' ? `at least ${Math.round(minimumImprovement * 100)}% faster` : `at least ${Math.round(minimumImprovement * 100)}% less memory`;
  return [
    `Optimize ${target} so that it ${goal}.`,
    '- Measure first: find or write a small benchmark that calls the function on realistic, large inputs, run it before you change anything, and again after. Find the cost in the algorithm (repeated scans, quadratic loops, needless copies) before tuning details.',
    '- Keep its behaviour exactly: the same result and the same exceptions for every input, including empty, duplicate, negative and unusual values. Keep its name, parameters and return type; callers must not change.',
    '- Keep or add tests that pin the behaviour down, and run them.',
    `- How success is checked: codewright first compares the base and your version on generated inputs, the inputs your tests use and large workload inputs; any difference rejects the change, however fast. Then it benchmarks both versions (${metric === 'time' ? 'interleaved repeated runs after a warm-up' : 'heap growth per call batch, in separate processes'}) and passes only when yours is ${threshold} and the difference is significant (Mann–Whitney U, p < ${significanceLevel}).`,
  ].join('\n');
}

/** optimize with its check's settings (behaviour inputs, workload size, repetitions). */
export function createOptimizeTask(options: OptimizationCheckOptions = {}): TaskDefinition {
  return {
    specificationVersion: 'v1',
    family: 'optimize',
    tags: { scope: 'function', complexity: 'high', autonomy: 'high' },
    toolAccess: 'full',
    changesCode: true,
    instructions,
    doCheckSuccess: (input) => checkOptimization(input, options),
  };
}

/** `optimize <symbol> --metric time|memory`. */
export const optimizeTask: TaskDefinition = createOptimizeTask();
