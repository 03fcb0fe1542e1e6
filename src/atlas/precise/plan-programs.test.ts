import { afterEach, describe, expect, it } from 'vitest';
import { normalizeRoot } from './paths.ts';
import { inferredProgramName, planPrograms } from './plan-programs.ts';
import { createFixtureFolder, monorepoFiles, type FixtureFolder } from './testing/fixture-repository.ts';
import { walkRepository } from './walk-repository.ts';

const json = (value: unknown) => JSON.stringify(value);

describe('planPrograms', () => {
  let repo: FixtureFolder | undefined;
  afterEach(() => repo?.remove());

  const plan = (files: Record<string, string>) => {
    repo = createFixtureFolder(files);
    const root = normalizeRoot(repo.root);
    const { plans, problems } = planPrograms(root, walkRepository(root));
    return { owners: Object.fromEntries(plans.map((entry) => [entry.name, entry.owned])), plans, problems };
  };

  it('gives each file to exactly one program and skips solution-style configs that own nothing', () => {
    const { owners, problems } = plan(monorepoFiles);
    expect(problems).toEqual([]);
    expect(owners).toEqual({
      'packages/a/tsconfig.json': ['packages/a/src/greet.ts', 'packages/a/src/index.ts', 'packages/a/src/shape.ts'],
      'packages/b/tsconfig.json': ['packages/b/src/main.ts'],
      [inferredProgramName]: ['scripts/double.js', 'scripts/tool.js'],
    });
  });

  it('prefers the most specific config: deeper folders first, then tsconfig.json, then referenced configs', () => {
    const { owners } = plan({
      'jsconfig.json': json({ compilerOptions: { allowJs: true }, include: ['**/*'] }),
      'app/tsconfig.json': json({ files: [], references: [{ path: './tsconfig.app.json' }] }),
      'app/tsconfig.app.json': json({ include: ['src'] }),
      'app/tsconfig.base.json': json({ include: ['src', 'tools'] }),
      'app/src/a.ts': 'export const a = 1;\n',
      'app/tools/t.ts': 'export const t = 1;\n',
      'app/src/legacy/tsconfig.json': json({ include: ['*.ts'] }),
      'app/src/legacy/old.ts': 'export const old = 1;\n',
      'root.js': 'export const root = 1;\n',
    });
    expect(owners).toEqual({
      'app/src/legacy/tsconfig.json': ['app/src/legacy/old.ts'],
      'app/tsconfig.app.json': ['app/src/a.ts'],
      'app/tsconfig.base.json': ['app/tools/t.ts'],
      'jsconfig.json': ['root.js'],
    });
  });

  it('skips files the repository ignores', () => {
    const { owners } = plan({ '.gitignore': 'generated/\n', 'src/a.ts': 'export {};\n', 'generated/b.ts': 'export {};\n' });
    expect(owners).toEqual({ [inferredProgramName]: ['src/a.ts'] });
  });
});
