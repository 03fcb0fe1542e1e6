import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { harvestInputs } from './harvest-inputs.ts';
import { makeWorktrees, type Worktrees } from './testing/worktrees.ts';

let trees: Worktrees | undefined;
afterEach(async () => {
  await trees?.cleanup();
});

describe('harvestInputs', () => {
  it('collects literal argument lists of calls to the imported function, through named, renamed and namespace imports', async () => {
    const test = [
      "import { compare, compare as cmp } from '../src/version.ts';",
      "import * as version from '../src/version.ts';",
      "import { compare as other } from './elsewhere.ts';",
      "compare('1.2.3-beta', '1.2.3');",
      "cmp('1.0.0', '1.0.0');",
      "version.compare('2.0.0', `1.9.9`);",
      "compare(someVariable, '1.0.0');",
      "other('not', 'mine');",
      "compare('1.2.3-beta', '1.2.3');",
      'version.parse({ major: -1, tags: [1, null, undefined, NaN] }, new Date("2020-01-01"), 10n);',
    ].join('\n');
    trees = await makeWorktrees({ 'src/version.ts': 'export {};\n', 'test/version.test.ts': test, 'node_modules/x/a.test.ts': "compare('no', 'no');\n" }, {});
    const file = path.join(trees.changeDir, 'src/version.ts');
    const [compare, parse] = await harvestInputs(trees.changeDir, [{ file, exportPath: ['compare'] }, { file, exportPath: ['parse'] }]);
    expect(compare).toEqual([['1.2.3-beta', '1.2.3'], ['1.0.0', '1.0.0'], ['2.0.0', '1.9.9']]);
    expect(parse).toEqual([[{ major: -1, tags: [1, null, undefined, Number.NaN] }, new Date('2020-01-01'), 10n]]);
  });
});
