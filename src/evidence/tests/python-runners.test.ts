import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, test } from 'vitest';
import { readTestsShared } from './shared.ts';
import { createChangeFixture, type ChangeFixture } from './testing/change-fixture.ts';
import { brokenOps, pytestProject, unittestProject } from './testing/python-project.ts';
import { createTestsProvider } from './tests-provider.ts';

const fixtures: ChangeFixture[] = [];
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.remove();
});

function fixture(base: Record<string, string>, change: Record<string, string | null>): ChangeFixture {
  const created = createChangeFixture(base, change);
  fixtures.push(created);
  return created;
}

function hasPytest(): boolean {
  try {
    execFileSync('python3', ['-c', 'import pytest'], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

describe('tests evidence on Python projects', () => {
  test('unittest: a test reaching the changed module through another module fails; the unrelated test is not run', async () => {
    const project = fixture(unittestProject, { 'calc/ops.py': brokenOps });
    const context = project.context();
    const evidence = await createTestsProvider().doCheck(context);
    expect(evidence.map((item) => [item.status, item.message, item.hunks])).toEqual([
      ['fail', 'test "TotalTest.test_sums" in tests/test_stats.py fails after the change: AssertionError: -6 != 6', ['calc/ops.py#0']],
    ]);
    const record = readTestsShared(context.shared)!.records[0]!;
    expect(record.runner.name).toBe('unittest');
    expect(record.selected).toEqual(['tests/test_stats.py']);
  });

  test('unittest: an import error fails the whole test file', async () => {
    const project = fixture(unittestProject, { 'calc/ops.py': 'import nowhere\n' });
    const evidence = await createTestsProvider().doCheck(project.context());
    expect(evidence.map((item) => item.message)).toEqual([
      "test file tests/test_stats.py fails after the change: ModuleNotFoundError: No module named 'nowhere'",
    ]);
  });

  test('unittest with full runs every test file, including those in folders without __init__.py', async () => {
    const project = fixture(unittestProject, { 'calc/ops.py': brokenOps });
    const context = project.context({ full: true });
    await createTestsProvider().doCheck(context);
    const record = readTestsShared(context.shared)!.records[0]!;
    expect(record.change.outcomes.map((outcome) => [outcome.file, outcome.name, outcome.status]).sort()).toEqual([
      ['tests/test_stats.py', 'TotalTest.test_sums', 'fail'],
      ['tests/test_text.py', 'ShoutTest.test_shouts', 'pass'],
    ]);
  });

  // pytest is optional: where it is installed it must run; where not, the project must say how to get it.
  test(`pytest: ${hasPytest() ? 'runs plain test functions' : 'reports that pytest is missing'}`, async () => {
    const project = fixture(pytestProject, { 'calc/ops.py': brokenOps });
    const evidence = await createTestsProvider().doCheck(project.context());
    if (hasPytest()) {
      expect(evidence.map((item) => [item.status, item.message, item.hunks])).toEqual([
        ['fail', 'test "test_sums" in tests/test_stats.py fails after the change: assert -6 == 6', ['calc/ops.py#0']],
      ]);
    } else {
      expect(evidence.map((item) => [item.status, item.message])).toEqual([
        ['unavailable', expect.stringMatching(/^the tests use pytest \(conftest\.py\) but .* cannot import it: run pip install pytest$/)],
      ]);
    }
  });
});
