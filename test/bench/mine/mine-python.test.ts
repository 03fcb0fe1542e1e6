import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mineRepository } from '../../../src/bench/mine/index.ts';
import type { MineResult } from '../../../src/bench/mine/index.ts';
import { createFixture, type Fixture } from '../../helpers/fixture.ts';

let fixture: Fixture;
let mined: MineResult;
let fix: string;

beforeAll(async () => {
  fixture = createFixture(
    {
      'calc.py': 'def add(a, b):\n    return a - b\n\n\ndef negate(a):\n    return -a\n',
      'tests/test_calc.py': 'import pytest\n\nfrom calc import negate\n\n\ndef test_negate():\n    assert negate(2) == -2\n',
      'pyproject.toml': '[project]\nname = "calc"\nversion = "0.1.0"\n\n[tool.pytest.ini_options]\npythonpath = ["."]\n',
    },
    { git: true },
  );
  fixture.write('calc.py', 'def add(a, b):\n    return a + b\n\n\ndef negate(a):\n    return -a\n');
  fixture.write('tests/test_calc.py', 'import pytest\n\nfrom calc import add, negate\n\n\ndef test_negate():\n    assert negate(2) == -2\n\n\ndef test_add():\n    assert add(2, 3) == 5\n');
  fix = fixture.commit('Fix add subtracting its arguments');
  mined = await mineRepository(fixture.root, { kinds: ['fix'] });
}, 120_000);
afterAll(() => fixture?.remove());

describe('mineRepository on a Python project', () => {
  test('verifies the fix with pytest and names its test file, with a pip setup and the pytest command', () => {
    expect(mined.rejected).toEqual([]);
    expect(mined.tasks).toHaveLength(1);
    expect(mined.tasks[0]).toMatchObject({
      family: 'fix',
      language: 'python',
      source: { setup: ['python3 -m pip install -e .'] },
      request: 'Fix add subtracting its arguments',
      scoring: { failToPass: ['tests/test_calc.py'], testCommand: 'python3 -m pytest -rA -p no:cacheprovider {tests}' },
      origin: { suite: 'mined', upstreamId: fix },
    });
  });
});
