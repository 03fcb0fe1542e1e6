/** A small JavaScript library whose history holds each kind of commit mining must sort: kept and rejected fixes, a feature, a refactoring. */
import { createFixture, type Fixture } from '../../helpers/fixture.ts';

/** The fixture and the commits the tests name. */
export interface HistoryFixture {
  fixture: Fixture;
  initial: string;
  /** Fixes `add` and adds the test that shows it: kept. */
  fix: string;
  /** Touches `multiply` and adds a test that already passed before: rejected. */
  passingFix: string;
  /** A new module without tests: no fix task. */
  feature: string;
  /** Extracts a helper without changing behaviour or tests: a refactoring task. */
  refactor: string;
}

const testHeader = "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\n";

function mathSource(addBody: string, multiplyBody: string): string {
  return `export function add(a, b) {\n  ${addBody}\n}\n\nexport function multiply(a, b) {\n  ${multiplyBody}\n}\n`;
}

const mathTests = (extra: string) =>
  `${testHeader}import { add, multiply } from '../src/math.js';\n\ntest('multiplies', () => {\n  assert.equal(multiply(3, 4), 12);\n});\n${extra}`;

const addTest = "\ntest('adds', () => {\n  assert.equal(add(2, 3), 5);\n});\n";
const zeroTest = "\ntest('multiplies by zero', () => {\n  assert.equal(multiply(7, 0), 0);\n});\n";

const clampBefore = [
  'export function clamp(value, low, high) {',
  '  if (value < low) {',
  '    return low;',
  '  }',
  '  if (value > high) {',
  '    return high;',
  '  }',
  '  return value;',
  '}',
  '',
].join('\n');
const clampAfter = [
  'function atMost(value, high) {',
  '  return value > high ? high : value;',
  '}',
  '',
  'export function clamp(value, low, high) {',
  '  if (value < low) {',
  '    return low;',
  '  }',
  '  return atMost(value, high);',
  '}',
  '',
].join('\n');
const clampTests = `${testHeader}import { clamp } from '../src/clamp.js';\n\ntest('clamps', () => {\n  assert.equal(clamp(-1, 0, 10), 0);\n  assert.equal(clamp(5, 0, 10), 5);\n  assert.equal(clamp(11, 0, 10), 10);\n});\n`;

/** Builds the repository: initial, fix (kept), passing fix (rejected), feature (code only), refactoring. */
export function createHistoryFixture(): HistoryFixture {
  const fixture = createFixture(
    {
      'package.json': JSON.stringify({ name: 'numbers', type: 'module', scripts: { test: 'node --test test/' } }, null, 2),
      'src/math.js': mathSource('return a - b;', 'return a * b;'),
      'src/clamp.js': clampBefore,
      'test/math.test.js': mathTests(''),
      'test/clamp.test.js': clampTests,
      'test/multiply.test.js': `${testHeader}import { multiply } from '../src/math.js';\n\ntest('multiplies negatives', () => {\n  assert.equal(multiply(-2, 3), -6);\n});\n`,
    },
    { git: true },
  );
  const initial = fixture.git('rev-parse', 'HEAD').trim();
  fixture.write('src/math.js', mathSource('return a + b;', 'return a * b;'));
  fixture.write('test/math.test.js', mathTests(addTest));
  const fix = fixture.commit('fix: add returns the sum of its arguments\n\nadd(2, 3) returned -1.\n\nCloses #3');
  fixture.write('src/math.js', mathSource('return a + b;', 'return b * a;'));
  fixture.write('test/math.test.js', mathTests(addTest + zeroTest));
  const passingFix = fixture.commit('fix: multiply by zero');
  fixture.write('src/describe.js', "export function describe(n) {\n  return n < 0 ? 'negative' : 'positive';\n}\n");
  const feature = fixture.commit('feat: describe numbers');
  fixture.write('src/clamp.js', clampAfter);
  const refactor = fixture.commit('refactor: extract atMost from clamp');
  return { fixture, initial, fix, passingFix, feature, refactor };
}
