import { describe, expect, it } from 'vitest';
import { isFixMessage } from './classify-fix.ts';

const fixes: [subject: string, body?: string][] = [
  ['Fix crash when input is empty'],
  ['fix: handle null config'],
  ['fix(parser): handle trailing comma'],
  ['fix!: drop support for broken option'],
  ['FIX: wrong total in cart'],
  ['Fixed race in scheduler'],
  ['Fixes wrong exit code'],
  ['Fixing the overflow in counters'],
  ['Hotfix for login redirect'],
  ['hot-fix: login redirect'],
  ['Bugfix: off-by-one in pager'],
  ['[bug] wrong total'],
  ['Patch memory leak in cache'],
  ['Resolve regression in 2.0 tokenizer'],
  ['Crash on startup with empty config'],
  ['parser: fix off-by-one in lexer'],
  ['Fix typo that caused a crash'],
  ['Handle empty input', 'Fixes #42'],
  ['Handle empty input', 'This closes GH-7.'],
  ['Handle empty input', 'fixes octo/app#3'],
  ['Handle empty input', 'Resolves: PROJ-981'],
  ['Handle empty input', 'Fixes: 1a2b3c4d5e6f ("add input handling")'],
  ['Closes #12: make dark mode readable'],
  ['[FIX] [indent] handle type references (#273)'],
  ['Fix: Removed unused import (fixes #9)'],
];

const notFixes: [subject: string, body?: string][] = [
  ['Add prefix option'],
  ['Update test fixtures'],
  ['Refactor suffix handling'],
  ['Add debug logging'],
  ['Dispatch events in order'],
  ['Use fixed-width font in the editor'],
  ['Add bug report template'],
  ['Add regression tests for the parser'],
  ['Add crash reporting'],
  ['Fix typo in README'],
  ['Fix some typos'],
  ['fix lint errors'],
  ['Typo fixes'],
  ['Support PATCH requests'],
  ['Monkey-patch fetch in tests'],
  ['Bump patch version'],
  ['fixup! add parser'],
  ['Remove FIXME comments'],
  ['Add fixFoo helper'],
  ['docs: fix typo in README'],
  ['test: fix flaky timeout'],
  ['chore(deps): fix lockfile'],
  ['feat: add dark mode', 'This fixes the long-standing request #12.'],
  ['Revert "fix: crash on empty input"'],
  ['Bump lodash from 4.17.20 to 4.17.21', '- Fixes #4567 upstream\n- fix crash in merge'],
  ['Add parser', 'The old parser crashed on empty input.'],
  ['Mention issue #12 in docs'],
  ['Support UTF-8 file names', 'fixes utf-8'],
  ['[FEAT] Recommended config (#261)', 'Fixes #144'],
  ['[DOCS] Direct people to the old readme', 'Fixes #198 #199'],
  ['Breaking: Support TypeScript 2.6 (fixes #394) (#397)'],
  ['New: Add method decorators to AST (fixes #65) (#64)'],
  ['fix(deps): update dependency typescript to v5.4'],
];

describe('isFixMessage', () => {
  it.each(fixes)('classifies %j as a fix', (subject, body) => {
    expect(isFixMessage(subject, body === undefined ? subject : `${subject}\n\n${body}`)).toBe(true);
  });

  it.each(notFixes)('classifies %j as not a fix', (subject, body) => {
    expect(isFixMessage(subject, body === undefined ? subject : `${subject}\n\n${body}`)).toBe(false);
  });
});
