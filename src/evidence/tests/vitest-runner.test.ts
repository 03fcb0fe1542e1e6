import { afterEach, describe, expect, test } from 'vitest';
import { readTestsShared } from './shared.ts';
import { createChangeFixture, type ChangeFixture } from './testing/change-fixture.ts';
import { repositoryNodeModules, vitestProject } from './testing/vitest-project.ts';
import { createTestsProvider } from './tests-provider.ts';

const fixtures: ChangeFixture[] = [];
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.remove();
});

describe('tests evidence on a vitest project', () => {
  test('detects vitest, runs only the tests that reach the change, and reports the new failure', async () => {
    const broken = vitestProject['src/math.ts']!.replace('a + b', 'a - b');
    const project = createChangeFixture(vitestProject, { 'src/math.ts': broken }, { nodeModules: repositoryNodeModules });
    fixtures.push(project);
    const context = project.context();
    const evidence = await createTestsProvider().doCheck(context);
    expect(evidence).toEqual([
      {
        kind: 'tests',
        status: 'fail',
        message: 'test "total > sums values" in test/stats.test.ts fails after the change: AssertionError: expected -6 to be 6 // Object.is equality',
        hunks: ['src/math.ts#0'],
        data: expect.objectContaining({ base: 'pass', change: 'fail' }),
      },
    ]);
    const record = readTestsShared(context.shared)!.records[0]!;
    expect(record.runner.name).toBe('vitest');
    expect(record.selected).toEqual(['test/stats.test.ts']);
    expect(record.base.outcomes).toEqual([{ file: 'test/stats.test.ts', name: 'total > sums values', status: 'pass' }]);
  });
});
