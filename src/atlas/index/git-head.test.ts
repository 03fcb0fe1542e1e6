import { afterEach, expect, test } from 'vitest';
import { createFixture } from '../../../test/helpers/fixture.ts';
import type { Fixture } from '../../../test/helpers/fixture.ts';
import { currentHead, readHeadCommit } from './git-head.ts';

let fixture: Fixture;
afterEach(() => fixture?.remove());

test('reads HEAD from loose refs, packed refs and a detached HEAD as git does', async () => {
  fixture = createFixture({}, { git: true });
  expect(readHeadCommit(fixture.root)).toBeUndefined(); // unborn branch: git decides
  expect(await currentHead(fixture.root)).toBeNull();
  fixture.write('a.ts', 'export const a = 1;\n');
  const first = fixture.commit('first');
  expect(readHeadCommit(fixture.root)).toBe(first);
  fixture.git('pack-refs', '--all');
  expect(readHeadCommit(fixture.root)).toBe(first);
  fixture.write('a.ts', 'export const a = 2;\n');
  const second = fixture.commit('second');
  expect(readHeadCommit(fixture.root)).toBe(second);
  fixture.git('checkout', '-q', '--detach', first);
  expect(readHeadCommit(fixture.root)).toBe(first);
  expect(await currentHead(fixture.root)).toBe(first);
});

test('outside a work tree top level, git is asked', async () => {
  fixture = createFixture({ 'src/a.ts': '' }, { git: true });
  expect(readHeadCommit(`${fixture.root}/src`)).toBeUndefined();
  expect(await currentHead(`${fixture.root}/src`)).toBe(fixture.git('rev-parse', 'HEAD').trim());
});
