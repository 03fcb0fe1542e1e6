/** Builds the BenchTask of one repository issue record: where the repository is, how to set it up and run its tests, and how to score it. */
import type { Result } from '../../../core/result.ts';
import { fail, ok } from '../../../core/result.ts';
import type { BenchTask, BenchTaskInput } from '../../task-schema.ts';
import { benchTaskSchema } from '../../task-schema.ts';
import { inspectCheckout } from './inspect-checkout.ts';
import type { IssueRecord } from './normalize-record.ts';
import { describeIssues } from './normalize-record.ts';
import { patchFiles } from './patch-files.ts';
import type { RepositorySources } from './resolve-repository.ts';
import { locationText, resolveRepository } from './resolve-repository.ts';
import { packageManagerOf, setupCommandsFor } from './setup-commands.ts';
import { tagsFromPatch, languageOfPaths } from './task-tags.ts';
import { testCommandFor } from './test-command.ts';

/** The suite name tasks of this adapter carry in `origin.suite`. */
export const sweBenchSuiteName = 'swe-bench';

/** An id the task schema accepts, kept as close to the upstream instance id as possible. */
export function taskIdOf(instanceId: string): string {
  const cleaned = instanceId.replace(/[^A-Za-z0-9_./:-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 200);
  return cleaned === '' ? 'task' : cleaned;
}

/** The task for `record`; local repositories are inspected at the base commit for the lockfile and test runner. */
export async function recordToTask(record: IssueRecord, sources: RepositorySources = {}, suite = sweBenchSuiteName): Promise<Result<BenchTask, string>> {
  if (record.problem.trim() === '') return fail('problem_statement is empty: the task needs the issue text');
  if (record.patch.trim() === '') return fail('patch is empty: the task needs the reference fix');
  const location = resolveRepository(record.repo, sources);
  const paths = [...patchFiles(record.patch), ...patchFiles(record.testPatch)].map((file) => file.path);
  const language = languageOfPaths(paths) ?? 'unknown';
  const tags = tagsFromPatch(record.patch, language);
  const baseCommit = record.baseCommit.toLowerCase();
  const facts = location.kind === 'local' ? await inspectCheckout(location.path, baseCommit) : undefined;
  if (location.kind === 'local' && !facts) return fail(`base_commit ${record.baseCommit} is not in the local repository ${location.path}: fetch it there first`);
  const input: BenchTaskInput = {
    id: taskIdOf(record.instanceId),
    family: 'fix',
    scope: tags.scope,
    complexity: tags.complexity,
    autonomy: 'medium',
    language,
    source: { kind: 'repository', repository: locationText(location), baseCommit, setup: setupCommandsFor(language, facts?.files) },
    request: record.problem,
    scoring: {
      failToPass: record.failToPass,
      passToPass: record.passToPass,
      testPatch: record.testPatch,
      testCommand: testCommandFor(language, facts?.runner, facts ? packageManagerOf(facts.files) : 'npm'),
      reference: record.patch,
    },
    origin: { suite, upstreamId: record.instanceId, ...(record.url ? { url: record.url } : {}) },
  };
  if (record.failToPass.length === 0) input.broken = 'the record lists no FAIL_TO_PASS tests: nothing shows that a fix works';
  const parsed = benchTaskSchema.safeParse(input);
  return parsed.success ? ok(parsed.data) : fail(describeIssues(parsed.error.issues));
}
