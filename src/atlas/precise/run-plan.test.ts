import { afterEach, describe, expect, it } from 'vitest';
import { createFileSystemMemo } from './compiler-host.ts';
import { normalizeRoot } from './paths.ts';
import { planPrograms } from './plan-programs.ts';
import { createConfigReader, type ConfigReader } from './read-config.ts';
import { runPlan, type RunContext } from './run-plan.ts';
import { createSourceFileCache } from './source-file-cache.ts';
import { createMonorepo, type FixtureFolder } from './testing/fixture-repository.ts';
import { walkRepository } from './walk-repository.ts';

describe('runPlan', () => {
  let repo: FixtureFolder;
  afterEach(() => repo.remove());

  const setup = (reader?: ConfigReader) => {
    repo = createMonorepo();
    const root = normalizeRoot(repo.root);
    const configReader = reader ?? createConfigReader((fileName) => fileName);
    const { plans } = planPrograms(root, walkRepository(root), createConfigReader((fileName) => fileName));
    const context: RunContext = { root, cache: createSourceFileCache(), memo: createFileSystemMemo(), reader: configReader, batchSize: 2 };
    return { plans, context };
  };

  it('reports a program that fails to build as a problem and yields no files, so the caller carries on', () => {
    const { plans, context } = setup({
      read: () => {
        throw new Error('config reader exploded');
      },
    });
    const configured = plans.find((plan) => plan.name === 'packages/a/tsconfig.json')!;
    const batches = [...runPlan(context, configured)];
    expect(batches).toEqual([
      {
        files: [],
        problems: [expect.objectContaining({ severity: 'error', code: 'INTERNAL', message: expect.stringMatching(/Building program packages\/a\/tsconfig.json failed; its 3 files stay unresolved.*config reader exploded/) })],
      },
    ]);
  });

  it('yields files in batches of the configured size and shares parsed files between programs', () => {
    const { plans, context } = setup();
    const [a, b] = [plans.find((plan) => plan.name === 'packages/a/tsconfig.json')!, plans.find((plan) => plan.name === 'packages/b/tsconfig.json')!];
    expect([...runPlan(context, a)].map((batch) => batch.files.length)).toEqual([2, 1]);
    const parsesAfterA = context.cache.stats.parses;
    expect([...runPlan(context, b)].flatMap((batch) => batch.files.map((file) => file.path))).toEqual(['packages/b/src/main.ts']);
    // b's program reuses a's three sources and the lib files; it parses only main.ts.
    expect(context.cache.stats.parses - parsesAfterA).toBe(1);
    expect(context.cache.stats.hits).toBeGreaterThan(3);
  });

  it('stops when aborted', () => {
    const { plans, context } = setup();
    const controller = new AbortController();
    controller.abort(new Error('stop now'));
    expect(() => [...runPlan({ ...context, signal: controller.signal }, plans[0]!)]).toThrow('stop now');
  });
});
