import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removalHints } from './removal-hints.ts';

const dir = mkdtempSync(join(tmpdir(), 'codewright-hints-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'legacy'));
writeFileSync(join(dir, 'legacy', 'index.d.ts'), 'export declare class Client {\n  /** @deprecated Use `send()` instead. */\n  post(body: string): void;\n  send(body: string): void;\n}\n');
writeFileSync(join(dir, 'CHANGELOG.md'), '# Changelog\n\n## 3.0.0\n\n### Breaking changes\n\n- `fetchAll()` was removed; iterate with `pages()`.\n\n## 2.0.0\n\n- Added `fetchAll()`.\n');

describe('removal hints', () => {
  it('finds a deprecated declaration of the name elsewhere in the package types', () => {
    expect(removalHints(dir, 'post')).toEqual(['its types still declare `post` as deprecated in legacy/index.d.ts: Use `send()` instead.']);
  });

  it('finds a CHANGELOG line that mentions the name next to a removal, with its version heading', () => {
    expect(removalHints(dir, 'fetchAll')).toEqual(['its CHANGELOG.md mentions `fetchAll` under "3.0.0 › Breaking changes": "- `fetchAll()` was removed; iterate with `pages()`."']);
  });

  it('says nothing about names it does not find', () => {
    expect(removalHints(dir, 'send')).toEqual([]);
  });
});
