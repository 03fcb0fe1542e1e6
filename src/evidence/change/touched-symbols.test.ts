import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openIndex } from '../../atlas/store/database.ts';
import { createFixture } from '../../../test/helpers/fixture.ts';
import type { Fixture } from '../../../test/helpers/fixture.ts';
import type { Workspaces } from '../workspace/create-workspaces.ts';
import { createWorkspaces } from '../workspace/create-workspaces.ts';
import { collectChange } from './collect-change.ts';
import { parseDiff } from './parse-diff.ts';
import { findTouchedSymbols } from './touched-symbols.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const cart = `export class Cart {
  items: number[] = [];

  add(item: number): void {
    this.items.push(item);
  }

  clear(): void {
    this.items = [];
  }
}

export function total(cart: Cart): number {
  return cart.items.length;
}

function unused(): number {
  return 0;
}
`;

const shapes = `class Shape:
    def area(self):
        return 0

    def name(self):
        return "shape"
`;

async function checked(edit: (fixture: Fixture) => void) {
  const fixture = createFixture({ 'src/cart.ts': cart, 'shapes.py': shapes, 'README.md': '# cart\n' }, { git: true });
  cleanups.push(() => fixture.remove());
  edit(fixture);
  const change = await collectChange(fixture.root);
  const workspaces: Workspaces = await createWorkspaces(fixture.root, change, { linkDependencies: false });
  cleanups.push(() => workspaces.dispose());
  const touched = await findTouchedSymbols(change, workspaces);
  const names = (hunkId: string) => touched.get(hunkId)?.map((symbol) => symbol.qualifiedName);
  return { change, touched, names };
}

describe('findTouchedSymbols', () => {
  it('names the method a hunk changes as Class.method, with its location', async () => {
    const { touched } = await checked((fixture) => fixture.write('src/cart.ts', cart.replace('this.items.push(item);', 'this.items.push(item * 2);')));
    expect(touched.get('src/cart.ts#0')).toEqual([
      { hunkId: 'src/cart.ts#0', qualifiedName: 'Cart.add', kind: 'method', path: 'src/cart.ts', startLine: 4, endLine: 6, exported: true, language: 'typescript' },
    ]);
  });

  it('names every innermost definition a hunk spans, and a new definition by its new name', async () => {
    const { names } = await checked((fixture) => {
      fixture.write('src/cart.ts', cart.replace('this.items.push(item);', 'this.items.push(item);\n    this.items.sort();').replace('this.items = [];', 'this.items.length = 0;'));
      fixture.write('shapes.py', `${shapes}\n    def sides(self):\n        return 0\n`);
      fixture.write('README.md', '# cart, changed\n');
    });
    expect(names('src/cart.ts#0')).toEqual(['Cart.add', 'Cart.clear']);
    expect(names('shapes.py#0')).toEqual(['Shape.sides']);
    expect(names('README.md#0')).toEqual([]);
  });

  it('looks up a hunk that only removes lines in the base worktree', async () => {
    const { touched } = await checked((fixture) => fixture.write('src/cart.ts', cart.replace('\nfunction unused(): number {\n  return 0;\n}\n', '')));
    expect(touched.get('src/cart.ts#0')).toMatchObject([{ qualifiedName: 'unused', kind: 'function', startLine: 17, endLine: 19, exported: false }]);
  });

  it('falls back to the atlas for a file the parser skips, only when the index holds the same content', async () => {
    const generated = '// @generated\nexport function made(): number {\n  return 2;\n}\n';
    const fixture = createFixture({ 'change/gen.ts': generated, 'base/gen.ts': generated.replace('2', '1') });
    cleanups.push(() => fixture.remove());
    const parsed = parseDiff('diff --git a/gen.ts b/gen.ts\n--- a/gen.ts\n+++ b/gen.ts\n@@ -3 +3 @@\n-  return 1;\n+  return 2;\n', { base: 'x' });
    if (!parsed.success) throw new Error(parsed.error.message);
    const atlas = openIndex(fixture.root, { writable: true });
    cleanups.push(() => atlas.close());
    const store = (hash: string) => {
      atlas.exec('DELETE FROM files; DELETE FROM symbols');
      atlas.prepare("INSERT INTO files(id, path, language, size, mtime_ms, hash, lines, status, indexed_at) VALUES (1, 'gen.ts', 'typescript', 1, 0, ?, 5, 'parsed', 0)").run(hash);
      atlas.prepare("INSERT INTO symbols(file_id, name, qualified_name, kind, start_line, start_col, end_line, end_col, name_line, name_col, signature, doc, exported) VALUES (1, 'made', 'made', 'function', 2, 0, 4, 1, 2, 16, '', '', 1)").run();
    };
    const options = { changeDir: `${fixture.root}/change`, baseDir: `${fixture.root}/base`, atlas };
    store(createHash('sha1').update(generated).digest('hex'));
    expect((await findTouchedSymbols(parsed.value, options)).get('gen.ts#0')).toMatchObject([{ qualifiedName: 'made', startLine: 2, endLine: 4 }]);
    store('0'.repeat(40));
    expect((await findTouchedSymbols(parsed.value, options)).get('gen.ts#0')).toEqual([]);
  });
});
