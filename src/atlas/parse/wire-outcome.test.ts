import { expect, test } from 'vitest';
import type { ParseOutcome } from './types.ts';
import { fromWire, toWire } from './wire-outcome.ts';

test('a parsed outcome crosses threads with its references as columns and comes back equal', () => {
  const outcome: ParseOutcome = {
    path: 'src/a.ts',
    status: 'parsed',
    hash: 'abc',
    facts: {
      path: 'src/a.ts',
      language: 'typescript',
      symbols: [],
      references: [
        { name: 'helper', kind: 'call', line: 3, column: 9, enclosing: -1, receiver: '' },
        { name: 'size', kind: 'read', line: 4, column: 2, enclosing: 0, receiver: 'this' },
      ],
      imports: [],
      comments: '',
      lines: 5,
      hasErrors: false,
      errorLines: [],
    },
    chunks: [],
  };
  const expected = structuredClone(outcome);
  const wire = structuredClone(toWire(outcome));
  expect(wire.status === 'parsed' && wire.facts.references).toEqual([]);
  expect(fromWire(wire)).toEqual(expected);
  const skipped: ParseOutcome = { path: 'b.ts', status: 'skipped', hash: null, reason: 'unreadable (ENOENT)' };
  expect(fromWire(toWire(skipped))).toEqual(skipped);
});
