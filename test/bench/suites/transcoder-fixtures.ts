/** Small TransCoder-format test scripts written for the tests (not upstream code): f_gold, a TOFILL marker and a harness. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One function in the three languages, with its integer inputs (each input is a list of arguments). */
export interface FixtureFunction {
  id: string;
  python: string;
  java: string;
  cpp: string;
  inputs: number[][];
}

export const sumOfDigits: FixtureFunction = {
  id: 'SUM_OF_DIGITS',
  python: 'def f_gold ( n ) :\n    total = 0\n    while n > 0 :\n        total += n % 10\n        n //= 10\n    return total',
  java: 'static int f_gold ( int n ) {\n  int sum = 0 ;\n  while ( n > 0 ) {\n    sum += n % 10 ;\n    n /= 10 ;\n  }\n  return sum ;\n}',
  cpp: 'int f_gold ( int n ) {\n  int sum = 0;\n  while ( n > 0 ) {\n    sum += n % 10;\n    n /= 10;\n  }\n  return sum;\n}',
  inputs: [[12], [0], [999], [7]],
};

export const maxOfTwo: FixtureFunction = {
  id: 'MAX_OF_TWO',
  python: 'def f_gold ( a , b ) :\n    return a if a > b else b',
  java: 'static int f_gold ( int a , int b ) {\n  return a > b ? a : b ;\n}',
  cpp: 'int f_gold ( int a , int b ) {\n  return a > b ? a : b;\n}',
  inputs: [[1, 2], [5, -3], [4, 4]],
};

function pythonScript(fn: FixtureFunction): string {
  const params = fn.inputs.map((input) => `    (${input.join(', ')},),`).join('\n');
  return `# A test fixture in the format of TransCoder's scripts.\nimport math\n${fn.python}\n\n\n#TOFILL\n\nif __name__ == '__main__':\n    param = [\n${params}\n        ]\n    n_success = 0\n    for i, parameters_set in enumerate(param):\n        if f_filled(*parameters_set) == f_gold(*parameters_set):\n            n_success+=1\n    print("#Results: %i, %i" % (n_success, len(param)))\n`;
}

function javaScript(fn: FixtureFunction): string {
  const arity = fn.inputs[0]?.length ?? 0;
  const lists = Array.from({ length: arity }, (_, position) => `    List<Integer> param${position} = new ArrayList<>();\n${fn.inputs.map((input) => `    param${position}.add(${input[position]});`).join('\n')}`).join('\n');
  const args = Array.from({ length: arity }, (_, position) => `param${position}.get(i)`).join(',');
  return `// A test fixture in the format of TransCoder's scripts.\n\nimport java.util. *;\nimport java.util.stream.*;\nimport java.lang.*;\nimport javafx.util.Pair;\npublic class ${fn.id}{\n${fn.java}\n\n\n//TOFILL\n\npublic static void main(String args[]) {\n    int n_success = 0;\n${lists}\n    for(int i = 0; i < param0.size(); ++i)\n    {\n        if(f_filled(${args}) == f_gold(${args}))\n        {\n            n_success+=1;\n        }\n    }\n    System.out.println("#Results:" + n_success + ", " + param0.size());\n}\n}`;
}

function cppScript(fn: FixtureFunction): string {
  const arity = fn.inputs[0]?.length ?? 0;
  const vectors = Array.from({ length: arity }, (_, position) => `    vector<int> param${position} {${fn.inputs.map((input) => input[position]).join(',')}};`).join('\n');
  const args = Array.from({ length: arity }, (_, position) => `param${position}[i]`).join(',');
  return `// A test fixture in the format of TransCoder's scripts.\n\n#include <iostream>\n#include <vector>\n#include <bits/stdc++.h>\nusing namespace std;\n${fn.cpp}\n\n\n//TOFILL\n\nint main() {\n    int n_success = 0;\n${vectors}\n    for(int i = 0; i < param0.size(); ++i)\n    {\n        if(f_filled(${args}) == f_gold(${args}))\n        {\n            n_success+=1;\n        }\n    }\n    cout << "#Results:" << " " << n_success << ", " << param0.size();\n    return 0;\n}`;
}

/** A `transcoder_evaluation_gfg/`-shaped folder holding `functions` in all three languages, plus `extra` files (path -> text). */
export function writeScripts(functions: FixtureFunction[], extra: Record<string, string> = {}): string {
  const root = join(mkdtempSync(join(tmpdir(), 'codewright-transcoder-test-')), 'transcoder_evaluation_gfg');
  for (const folder of ['python', 'java', 'cpp']) mkdirSync(join(root, folder), { recursive: true });
  for (const fn of functions) {
    writeFileSync(join(root, 'python', `${fn.id}.py`), pythonScript(fn));
    writeFileSync(join(root, 'java', `${fn.id}.java`), javaScript(fn));
    writeFileSync(join(root, 'cpp', `${fn.id}.cpp`), cppScript(fn));
  }
  for (const [path, text] of Object.entries(extra)) writeFileSync(join(root, path), text);
  return root;
}

/** The script texts of `fn`, for tests that need one script alone. */
export const fixtureScripts = { python: pythonScript, java: javaScript, cpp: cppScript };
