import { afterEach, describe, expect, test } from 'vitest';
import { createChangeFixture, type ChangeFixture } from '../tests/testing/change-fixture.ts';
import { repositoryNodeModules } from '../tests/testing/vitest-project.ts';
import { createCoverageProvider } from './coverage-provider.ts';
import { readCoverageShared, testFilesExecuting } from './shared.ts';
import { clampChange, vitestClampProject } from './testing/clamp-projects.ts';

const fixtures: ChangeFixture[] = [];
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.remove();
});

describe('vitest coverage of TypeScript imported with `.js` specifiers', () => {
  test('a native-module run loads `../src/clamp.js` from clamp.ts and reads its lines', async () => {
    const test = vitestClampProject['test/clamp.test.ts']!.replace("from '../src/clamp.ts'", "from '../src/clamp.js'");
    const project = createChangeFixture({ ...vitestClampProject, 'test/clamp.test.ts': test }, { 'src/clamp.ts': clampChange }, { nodeModules: repositoryNodeModules });
    fixtures.push(project);
    const context = project.context();
    const evidence = await createCoverageProvider().doCheck(context);
    expect(evidence.map((item) => [item.status, item.message, item.hunks])).toEqual([['warn', 'no test executes line 9', ['src/clamp.ts#0']]]);
    expect(evidence[0]!.data).toEqual({ executed: [8, 11], notExecuted: [9] });
    expect(testFilesExecuting(readCoverageShared(context.shared)!, 'src/clamp.ts', 8)).toEqual(['test/clamp.test.ts']);
  });
});
