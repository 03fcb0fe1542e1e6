import { describe, expect, it } from 'vitest';
import { parseTscOutput } from './tsc-output.ts';

describe('tsc output', () => {
  it('reads located, global and chained diagnostics', () => {
    const output = [
      "src/a.ts(12,5): error TS2339: Property 'foo' does not exist on type 'Bar'.",
      "/work/x/src/b.ts(3,1): error TS2322: Type 'string' is not assignable to type 'number'.",
      "  Type 'A' is missing the following properties from type 'B': c, d",
      "error TS5083: Cannot read file '/work/x/tsconfig.base.json'.",
      '',
    ].join('\n');
    expect(parseTscOutput(output, '/work/x')).toEqual([
      { path: 'src/a.ts', line: 12, column: 5, code: 'TS2339', category: 'error', message: "Property 'foo' does not exist on type 'Bar'." },
      {
        path: 'src/b.ts',
        line: 3,
        column: 1,
        code: 'TS2322',
        category: 'error',
        message: "Type 'string' is not assignable to type 'number'.\nType 'A' is missing the following properties from type 'B': c, d",
      },
      { path: '', line: 0, column: 0, code: 'TS5083', category: 'error', message: "Cannot read file '/work/x/tsconfig.base.json'." },
    ]);
  });
});
