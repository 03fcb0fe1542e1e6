import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFixture, type Fixture } from '../../test/helpers/fixture.ts';
import { repositoryPath, repositorySymbolSpec } from './repository-path.ts';

let repository: Fixture;
let elsewhere: Fixture;

beforeAll(() => {
  repository = createFixture({ 'src/a.ts': 'export const a = 1;\n' });
  elsewhere = createFixture({ 'secret.ts': 'export const s = 1;\n' });
  symlinkSync(elsewhere.root, join(repository.root, 'escape'));
  mkdirSync(join(repository.root, 'inner'));
  symlinkSync(join(repository.root, 'src'), join(repository.root, 'inner', 'source'));
});
afterAll(() => {
  repository?.remove();
  elsewhere?.remove();
});

describe('repositoryPath', () => {
  test('turns relative and absolute paths inside the repository into repository-relative ones', () => {
    expect(repositoryPath(repository.root, 'src/a.ts')).toBe('src/a.ts');
    expect(repositoryPath(repository.root, './src/../src/a.ts')).toBe('src/a.ts');
    expect(repositoryPath(repository.root, join(repository.root, 'src/a.ts'))).toBe('src/a.ts');
    expect(repositoryPath(repository.root, 'src/not-yet.ts')).toBe('src/not-yet.ts');
    expect(repositoryPath(repository.root, 'inner/source/a.ts')).toBe('inner/source/a.ts');
  });

  test('refuses `..`, absolute paths elsewhere and symlinks that lead out', () => {
    for (const path of ['../x.ts', 'src/../../x.ts', '/etc/passwd', join(elsewhere.root, 'secret.ts'), 'escape/secret.ts', 'escape/new.ts']) {
      expect(() => repositoryPath(repository.root, path)).toThrow(`\`${path}\` is outside the repository ${repository.root}.`);
    }
    expect(() => repositoryPath(repository.root, '  ')).toThrow('Give a non-empty path');
  });

  test('confines the path part of symbol specs and leaves names alone', () => {
    expect(repositorySymbolSpec(repository.root, `${repository.root}/src/a.ts:3`)).toBe('src/a.ts:3');
    expect(repositorySymbolSpec(repository.root, './src/a.ts#a')).toBe('src/a.ts#a');
    expect(repositorySymbolSpec(repository.root, 'Cart.label')).toBe('Cart.label');
    expect(() => repositorySymbolSpec(repository.root, '../x.ts#a')).toThrow('is outside the repository');
  });
});
