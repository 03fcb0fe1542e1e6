import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confinePath } from './confine-path.ts';

describe('confinePath', () => {
  let base: string;
  let root: string;
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'codewright-confine-'));
    root = join(base, 'repo');
    mkdirSync(join(root, 'src'), { recursive: true });
    writeFileSync(join(root, 'src/a.ts'), 'export {};\n');
    mkdirSync(join(base, 'elsewhere'));
    symlinkSync(join(base, 'elsewhere'), join(root, 'out'));
    symlinkSync(join(root, 'src'), join(root, 'alias'));
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('keeps relative and absolute paths inside the root, existing or not', () => {
    expect(confinePath(root, 'src/a.ts')).toEqual({ status: 'inside', absolute: join(root, 'src/a.ts'), relative: 'src/a.ts' });
    expect(confinePath(root, join(root, 'src/new/b.ts'))).toMatchObject({ status: 'inside', relative: 'src/new/b.ts' });
    expect(confinePath(root, '.')).toMatchObject({ status: 'inside', relative: '' });
    expect(confinePath(root, '..foo')).toMatchObject({ status: 'inside', relative: '..foo' });
  });

  it('refuses paths that leave the root, lexically or through a symbolic link', () => {
    expect(confinePath(root, '../elsewhere')).toEqual({ status: 'outside' });
    expect(confinePath(root, '/etc/passwd')).toEqual({ status: 'outside' });
    expect(confinePath(root, 'out/secret.txt')).toEqual({ status: 'link-outside', relative: 'out/secret.txt' });
    expect(confinePath(root, 'alias/a.ts')).toMatchObject({ status: 'inside', relative: 'alias/a.ts' });
  });
});
