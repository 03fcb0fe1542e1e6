/** The shop fixture history shared by the history tests: fixes, a rename, a binary file, odd paths, a merge. */
import type { FixtureRepository } from './git-fixture.ts';
import { createFixtureRepository, lines } from './git-fixture.ts';

/** The repository and the sha of each commit, oldest first. */
export interface ShopHistory {
  repository: FixtureRepository;
  /** Initial files: src/app.ts (10 lines), src/util.ts (4), `docs/read me.md`, logo.png, `notes/odd\nname.txt`. */
  initial: string;
  /** Fix: adds 3 guard lines to app.ts and 2 lines to util.ts; `Fixes #12`. */
  fixEmptyCart: string;
  /** Not a fix ("prefix"): one line each to app.ts and util.ts. */
  prefixOption: string;
  /** Renames src/util.ts to src/helpers.ts. */
  moveUtil: string;
  /** On branch `feature`: adds src/parser.ts (3 lines). */
  addParser: string;
  /** Fix on main: rewrites app.ts line 10, adds a line to helpers.ts; `GH-7, octo/shop#9`. */
  fixNullPrice: string;
  /** The merge of `feature` into main (not mined). */
  merge: string;
  /** Not a fix: replaces guard lines 1 and 2 of the first fix with one line. */
  refactorGuards: string;
}

const appStart = lines('app', 5);
const guards = 'guard 1\nguard 2\nguard 3\n';
const appEnd = lines('app', 10).split('\n').slice(5, 9).join('\n') + '\n';

/** Builds the shop history in a new temp repository. */
export function createShopHistory(): ShopHistory {
  const repository = createFixtureRepository();
  const util = lines('util', 4);
  const initial = repository.commit('Initial commit', {
    'src/app.ts': appStart + appEnd + 'app 10\n',
    'src/util.ts': util,
    'docs/read me.md': 'hello\nworld\n',
    'logo.png': new Uint8Array([0, 1, 2, 3, 255, 0]),
    'notes/odd\nname.txt': 'odd\n',
  });
  const fixEmptyCart = repository.commit('Fix crash when cart is empty\n\nFixes #12', {
    'src/app.ts': appStart + guards + appEnd + 'app 10\n',
    'src/util.ts': `${util}util fix 1\nutil fix 2\n`,
  });
  const prefixOption = repository.commit('Add prefix option', {
    'src/app.ts': appStart + guards + appEnd + 'app 10\nprefix option\n',
    'src/util.ts': `${util}util fix 1\nutil fix 2\nprefix helper\n`,
  });
  const helpers = `${util}util fix 1\nutil fix 2\nprefix helper\n`;
  const moveUtil = repository.commit('Move util to helpers', { 'src/util.ts': null, 'src/helpers.ts': helpers });
  repository.git('checkout', '-q', '-b', 'feature');
  const addParser = repository.commit('feat: add parser', { 'src/parser.ts': lines('parser', 3) });
  repository.git('checkout', '-q', 'main');
  const fixNullPrice = repository.commit('fix(app): handle null price (GH-7, octo/shop#9)', {
    'src/app.ts': appStart + guards + appEnd + 'app 10 null-safe\nprefix option\n',
    'src/helpers.ts': `${helpers}helpers null\n`,
  });
  repository.tick();
  repository.git('merge', '-q', '--no-ff', '-m', "Merge branch 'feature'", 'feature');
  const merge = repository.git('rev-parse', 'HEAD');
  const refactorGuards = repository.commit('Refactor cart guards', {
    'src/app.ts': appStart + 'check all\nguard 3\n' + appEnd + 'app 10 null-safe\nprefix option\n',
  });
  return { repository, initial, fixEmptyCart, prefixOption, moveUtil, addParser, fixNullPrice, merge, refactorGuards };
}
