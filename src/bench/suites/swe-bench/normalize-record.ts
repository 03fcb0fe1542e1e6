/** Turns either upstream record shape into one plain description of a repository issue task. */
import type { Result } from '../../../core/result.ts';
import { fail, ok, parseJson } from '../../../core/result.ts';
import type { MultiSweBenchRecord, SweBenchRecord, TestList } from './record-schema.ts';
import { multiSweBenchRecordSchema, sweBenchRecordSchema } from './record-schema.ts';

/** A repository issue task before it becomes a BenchTask. */
export interface IssueRecord {
  instanceId: string;
  /** `owner/name`, a local path or a URL. */
  repo: string;
  baseCommit: string;
  problem: string;
  patch: string;
  testPatch: string;
  failToPass: string[];
  passToPass: string[];
  url?: string;
}

function testIds(list: TestList | undefined, field: string): Result<string[], string> {
  if (list === undefined || list === null) return ok([]);
  if (Array.isArray(list)) return ok(list);
  if (typeof list === 'string') {
    if (list.trim() === '') return ok([]);
    const parsed = parseJson(list);
    if (parsed.success && Array.isArray(parsed.value) && parsed.value.every((item) => typeof item === 'string')) return ok(parsed.value);
    return fail(`${field} must be a list of test ids or a JSON-encoded list, e.g. ["tests/test_a.py::test_b"]`);
  }
  // Multi-SWE-bench: test name -> its statuses in each run.
  return ok(Object.keys(list));
}

function issueText(record: MultiSweBenchRecord): string {
  const issues = (record.resolved_issues ?? []).map((issue) => [issue.title ?? '', issue.body ?? ''].filter((part) => part.trim() !== '').join('\n\n'));
  const text = issues.filter((part) => part !== '').join('\n\n');
  return text !== '' ? text : [record.title ?? '', record.body ?? ''].filter((part) => part.trim() !== '').join('\n\n');
}

function fromSweBench(record: SweBenchRecord): Result<IssueRecord, string> {
  const failToPass = testIds(record.FAIL_TO_PASS, 'FAIL_TO_PASS');
  if (!failToPass.success) return failToPass;
  const passToPass = testIds(record.PASS_TO_PASS, 'PASS_TO_PASS');
  if (!passToPass.success) return passToPass;
  return ok({
    instanceId: record.instance_id, repo: record.repo, baseCommit: record.base_commit, problem: record.problem_statement,
    patch: record.patch, testPatch: record.test_patch, failToPass: failToPass.value, passToPass: passToPass.value,
  });
}

function fromMulti(record: MultiSweBenchRecord): Result<IssueRecord, string> {
  const baseCommit = record.base?.sha ?? record.base_commit;
  if (!baseCommit) return fail('base.sha is missing: give the commit the fix applies to');
  const failToPass = testIds(record.f2p_tests ?? record.FAIL_TO_PASS, 'f2p_tests');
  if (!failToPass.success) return failToPass;
  const passToPass = testIds(record.p2p_tests ?? record.PASS_TO_PASS, 'p2p_tests');
  if (!passToPass.success) return passToPass;
  const repo = `${record.org}/${record.repo}`;
  return ok({
    instanceId: record.instance_id ?? `${record.org}__${record.repo}-${record.number}`, repo, baseCommit, problem: issueText(record),
    patch: record.fix_patch, testPatch: record.test_patch, failToPass: failToPass.value, passToPass: passToPass.value,
    url: `https://github.com/${repo}/pull/${record.number}`,
  });
}

/** Reads one parsed JSON value as a SWE-bench or Multi-SWE-bench record; the error names the field to fix. */
export function normalizeRecord(value: unknown): Result<IssueRecord, string> {
  if (typeof value === 'object' && value !== null && 'fix_patch' in value) {
    const parsed = multiSweBenchRecordSchema.safeParse(value);
    if (!parsed.success) return fail(describeIssues(parsed.error.issues));
    return fromMulti(parsed.data);
  }
  const parsed = sweBenchRecordSchema.safeParse(value);
  if (!parsed.success) return fail(describeIssues(parsed.error.issues));
  return fromSweBench(parsed.data);
}

/** zod issues as `field: message` phrases. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.slice(0, 3).map((issue) => `${issue.path.map(String).join('.') || 'record'}: ${issue.message}`).join('; ');
}
