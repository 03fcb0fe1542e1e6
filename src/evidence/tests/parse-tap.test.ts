import { describe, expect, test } from 'vitest';
import { createOutcomeCollector } from './outcome-collector.ts';
import { parseTapOutput } from './parse-tap.ts';

// What tap 16.3 saved with `--output-file` for four test files (stack and source diagnostics shortened).
const sample = String.raw`TAP version 13
# Subtest: test/sample.js
    ok 1 - loads
    # Subtest: parse
        # Subtest: strict
            not ok 1 - length of 1.2.3
              ---
              compare: ===
              at:
                line: 4
                column: 33
                file: test/sample.js
              diff: |
                --- expected
                +++ actual
                @@ -1,1 +1,1 @@
                -6
                +5
              ...
            
            1..1
            # failed 1 test
        not ok 1 - strict # time=19.525ms
        
        ok 2 - loose
        1..2
        # failed 1 of 2 tests
    not ok 2 - parse # time=25.214ms
    
    ok 3 - later # SKIP not yet
    ok 4 - someday # TODO
    # Subtest: throws
        not ok 1 - invalid version
          ---
          stack: |
            Test.<anonymous> (test/sample.js:9:31)
          tapCaught: testFunctionThrow
          ...
        
        1..1
        # failed 1 test
    not ok 5 - throws # time=4.462ms
    
    # Subtest: range \# with hash
        not ok 1 - should be equivalent
          ---
          diff: |
            --- expected
            +++ actual
            @@ -1,3 +1,3 @@
             Object {
            -  "major": 2,
            +  "major": 1,
             }
          ...
        
        1..1
        # failed 1 test
    not ok 6 - range \# with hash # time=5.421ms
    
    1..6
    # failed 3 of 6 tests
    # skip: 1
    # time=51.497ms
not ok 1 - test/sample.js # time=51.497ms
  ---
  timeout: 30000
  exitCode: 1
  ...

# Subtest: test/exits.js
    ok 1 - fine
    1..1
    # time=3.407ms
not ok 2 - test/exits.js # time=3.407ms
  ---
  timeout: 30000
  exitCode: 3
  ...

# Subtest: test/hangs.js
    1..0 # no tests found
not ok 3 - test/hangs.js # time=3007.006ms
  ---
  timeout: 3000
  exitCode: null
  signal: SIGTERM
  ...

# Subtest: test/fine.js
    # Subtest: works
        ok 1 - should be equal
        1..1
    ok 1 - works # time=1.2ms
    
    1..1
    # time=3.1ms
ok 4 - test/fine.js # time=3.1ms

`;

function parse(text: string, stderr = '') {
  const collector = createOutcomeCollector();
  parseTapOutput(text, '/repo', collector, stderr);
  return collector;
}

describe('parseTapOutput (raw TAP of the tap runner)', () => {
  test('a test per subtest, nested ones joined by " > ", and per assertion outside subtests; skips, todos and failure messages', () => {
    expect(parse(sample).finish()).toEqual([
      { file: 'test/sample.js', name: 'loads', status: 'pass' },
      { file: 'test/sample.js', name: 'parse', status: 'fail', message: 'length of 1.2.3 (expected 6, actual 5)' },
      { file: 'test/sample.js', name: 'parse > strict', status: 'fail', message: 'length of 1.2.3 (expected 6, actual 5)' },
      { file: 'test/sample.js', name: 'later', status: 'skip' },
      { file: 'test/sample.js', name: 'someday', status: 'skip' },
      { file: 'test/sample.js', name: 'throws', status: 'fail', message: 'invalid version' },
      { file: 'test/sample.js', name: 'range # with hash', status: 'fail', message: 'should be equivalent (expected "major": 2, actual "major": 1)' },
      { file: 'test/exits.js', name: 'fine', status: 'pass' },
      { file: 'test/exits.js', name: '(file)', status: 'fail', message: 'exited with code 3' },
      { file: 'test/hangs.js', name: '(file)', status: 'timeout', message: "timed out after 3 s (tap's --timeout)" },
      { file: 'test/fine.js', name: 'works', status: 'pass' },
    ]);
  });

  test('a file that fails alone outside any test takes the error its process printed', () => {
    const text = ['TAP version 13', '# Subtest: test/b.js', '    1..0 # no tests found', 'not ok 1 - test/b.js # time=81.9ms', '  ---', '  exitCode: 1', '  ...', ''].join('\n');
    const stderr = "node:internal/modules/cjs/loader:1568\n  throw err;\n\nError: Cannot find module './missing'\nRequire stack:\n";
    expect(parse(text, stderr).finish()).toEqual([{ file: 'test/b.js', name: '(file)', status: 'fail', message: "Error: Cannot find module './missing'" }]);
  });

  test('output cut off by a kill leaves the unfinished subtests and file started, so they time out', () => {
    const cut = ['TAP version 13', '# Subtest: test/slow.js', '    ok 1 - first', '    # Subtest: second', '        ok 1 - half way', ''].join('\n');
    expect(parse(cut).finish({ message: 'timed out after 5 s', files: ['test/slow.js'] })).toEqual([
      { file: 'test/slow.js', name: 'first', status: 'pass' },
      { file: 'test/slow.js', name: 'second', status: 'timeout', message: 'timed out after 5 s' },
      { file: 'test/slow.js', name: '(file)', status: 'timeout', message: 'timed out after 5 s' },
    ]);
  });

  test('buffered subtests written as `ok 1 - name {` … `}` read the same', () => {
    const text = ['TAP version 13', 'ok 1 - test/a.js # time=5ms {', '    ok 1 - inner # time=1ms {', '        ok 1 - should be equal', '        1..1', '    }', '    1..1', '}', '1..1', ''].join('\n');
    expect(parse(text).finish()).toEqual([{ file: 'test/a.js', name: 'inner', status: 'pass' }]);
  });
});
