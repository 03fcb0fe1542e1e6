import { describe, expect, test } from 'vitest';
import { CodewrightError } from '../core/errors.ts';
import { silentLogger } from '../core/logger.ts';
import { adviceForClients, maxResultCharacters, runTool, textResult } from './tool-result.ts';

describe('tool results', () => {
  test('say CLI advice in core messages the way an MCP client can follow it', () => {
    expect(adviceForClients('Run `codewright index /repo` first.')).toBe('Run the `index_status` tool with `refresh: true` first.');
    expect(adviceForClients('Try `codewright find parse` for fuzzy matches.')).toBe('Try the `find` tool for fuzzy matches.');
    expect(adviceForClients('Give words, e.g. `codewright search "parse config"`.')).toBe('Give words, e.g. `"parse config"`.');
    expect(adviceForClients('(pass --intent fix if it should)')).toBe('(give `intent: "fix"` if it should)');
    expect(adviceForClients('Run `codewright index --rebuild` to build it again.')).toBe('Run the CLI command `codewright index --rebuild` to build it again.');
  });

  test('cut long answers and mark the cut', () => {
    const text = (textResult('x'.repeat(maxResultCharacters + 10)).content[0] as { text: string }).text;
    expect(text).toMatch(new RegExp(`^x{${maxResultCharacters}}\\n\\[truncated: the answer was ${maxResultCharacters + 10} characters; ask for a smaller page with \`limit\`\\]$`));
  });

  test('turn expected failures into tool errors and hide stacks of unexpected ones', async () => {
    const expected = await runTool('find', silentLogger, () => {
      throw new CodewrightError({ code: 'NOT_FOUND', message: 'No such thing. Try `codewright search thing`.' });
    });
    expect(expected).toEqual({ isError: true, content: [{ type: 'text', text: 'No such thing. Try the `search` tool.' }] });
    const unexpected = await runTool('find', silentLogger, () => {
      throw new TypeError('x is undefined');
    });
    expect(unexpected).toEqual({ isError: true, content: [{ type: 'text', text: 'find failed unexpectedly: x is undefined. The server log (stderr) has details.' }] });
  });
});
