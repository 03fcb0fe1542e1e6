import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { createFixture } from '../../../test/helpers/fixture.ts';
import type { Fixture } from '../../../test/helpers/fixture.ts';
import { mineCommits } from './mine-commits.ts';
import { detectRepository } from './repository.ts';

let fixture: Fixture;
afterEach(() => fixture?.remove());

test('a clone missing some file contents is mined without those paths instead of failing', async () => {
  fixture = createFixture({ 'src/a.ts': 'export const a = 1;\n', 'fixtures/big.json': '{"x": 1}\n' }, { git: true });
  fixture.write('src/a.ts', 'export const a = 2;\n');
  fixture.write('fixtures/big.json', '{"x": 2}\n');
  fixture.commit('fix: a and the fixture');
  const blob = fixture.git('rev-parse', 'HEAD:fixtures/big.json').trim();
  rmSync(join(fixture.root, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
  const repository = await detectRepository(fixture.root);
  const mined = await mineCommits(repository!);
  expect(mined.commits.map((commit) => commit.subject)).toEqual(['fix: a and the fixture', 'initial commit']);
  expect(mined.commits[0]!.files.map((file) => file.path)).toEqual(['src/a.ts']);
});
