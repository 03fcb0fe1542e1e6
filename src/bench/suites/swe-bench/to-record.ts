/** Writes a repository fix task back as a SWE-bench record, so mined tasks travel in the format other harnesses read. */
import { CodewrightError } from '../../../core/errors.ts';
import type { BenchTask } from '../../task-schema.ts';

/** The SWE-bench fields, with the test lists JSON-encoded as upstream writes them. */
export interface SweBenchRecordOut {
  instance_id: string;
  repo: string;
  base_commit: string;
  problem_statement: string;
  hints_text: string;
  created_at: string;
  patch: string;
  test_patch: string;
  FAIL_TO_PASS: string;
  PASS_TO_PASS: string;
  version: string;
  environment_setup_commit: string;
}

/** The SWE-bench record of a `fix` task on a repository; throws INVALID_ARGUMENT for other tasks. */
export function toSweBenchRecord(task: BenchTask, options: { createdAt?: string } = {}): SweBenchRecordOut {
  if (task.source.kind !== 'repository' || task.family !== 'fix' || task.scoring.reference === undefined) {
    throw new CodewrightError({
      code: 'INVALID_ARGUMENT',
      message: `Task ${task.id} is not a repository fix task with a reference patch; only those have a SWE-bench record.`,
      data: { id: task.id, family: task.family },
    });
  }
  return {
    instance_id: task.id,
    repo: task.source.repository,
    base_commit: task.source.baseCommit,
    problem_statement: task.request,
    hints_text: '',
    created_at: options.createdAt ?? '',
    patch: task.scoring.reference,
    test_patch: task.scoring.testPatch ?? '',
    FAIL_TO_PASS: JSON.stringify(task.scoring.failToPass),
    PASS_TO_PASS: JSON.stringify(task.scoring.passToPass),
    version: '',
    environment_setup_commit: task.source.baseCommit,
  };
}
