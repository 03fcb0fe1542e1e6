import { describe, expect, it } from 'vitest';
import { createLogParser } from './parse-log.ts';
import { createSplitter } from './split-stream.ts';
import type { CommitFact } from './types.ts';

// Output shaped like `git log -z --numstat -M --format=<logFormat>`: a rename, a binary file, an
// empty commit, a path with a newline, and no NUL after the last token.
const output = [
  '\x1eaaaa\x00Ada <ada@example.com>\x00100\x00Fix crash (#4)\x00Fix crash (#4)\n\nBody.\n\x00',
  '\n3\t1\tsrc/app.ts\x00-\t-\tlogo.png\x00',
  '0\t0\t\x00old name.ts\x00new name.ts\x00',
  '\x1ebbbb\x00Bob <bob@example.com>\x00090\x00empty\x00empty\n\x00',
  '\x1ecccc\x00Ada <ada@example.com>\x00080\x00Add notes\x00Add notes\n\x00',
  '\n2\t0\tdocs/odd\nname.md\x001\t0\tlast.txt',
].join('');

function parse(chunkSize: number, complete = true): CommitFact[] {
  const commits: CommitFact[] = [];
  const parser = createLogParser((commit) => commits.push(commit));
  const splitter = createSplitter(0, (token) => parser.token(token));
  const bytes = Buffer.from(output, 'utf8');
  for (let start = 0; start < bytes.length; start += chunkSize) splitter.push(bytes.subarray(start, start + chunkSize));
  const rest = splitter.end();
  if (complete && rest !== '') parser.token(rest);
  parser.end(complete);
  expect(parser.skipped).toBe(0);
  return commits;
}

describe('createLogParser', () => {
  it('parses commits, numstat, renames, binary files and odd paths', () => {
    const commits = parse(1 << 16);
    expect(commits.map((commit) => commit.sha)).toEqual(['aaaa', 'bbbb', 'cccc']);
    expect(commits[0]).toMatchObject({
      author: 'Ada <ada@example.com>',
      time: 100,
      subject: 'Fix crash (#4)',
      message: 'Fix crash (#4)\n\nBody.',
      isFix: true,
      issues: ['#4'],
      files: [
        { path: 'src/app.ts', added: 3, deleted: 1, binary: false },
        { path: 'logo.png', added: 0, deleted: 0, binary: true },
        { path: 'new name.ts', previousPath: 'old name.ts', added: 0, deleted: 0, binary: false },
      ],
    });
    expect(commits[1]).toMatchObject({ subject: 'empty', isFix: false, files: [] });
    expect(commits[2]?.files).toEqual([
      { path: 'docs/odd\nname.md', added: 2, deleted: 0, binary: false },
      { path: 'last.txt', added: 1, deleted: 0, binary: false },
    ]);
  });

  it('gives the same result whatever the chunk boundaries', () => {
    const whole = parse(1 << 16);
    for (const size of [1, 2, 3, 7, 13]) expect(parse(size)).toEqual(whole);
  });

  it('drops the last commit when the output was cut short', () => {
    expect(parse(5, false).map((commit) => commit.sha)).toEqual(['aaaa', 'bbbb']);
  });
});
