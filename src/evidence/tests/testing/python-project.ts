/** Small Python projects for tests: a unittest one, and a pytest one (conftest.py, plain test functions). */

const ops = ['def add(a, b):', '    return a + b', ''].join('\n');
const stats = ['from calc.ops import add', '', '', 'def total(values):', '    result = 0', '    for value in values:', '        result = add(result, value)', '    return result', ''].join('\n');

/** calc/ops.py <- calc/stats.py <- tests/test_stats.py; tests/test_text.py is unrelated. */
export const unittestProject: Record<string, string> = {
  'calc/__init__.py': '',
  'calc/ops.py': ops,
  'calc/stats.py': stats,
  'calc/text.py': ['def shout(text):', '    return text.upper()', ''].join('\n'),
  'tests/test_stats.py': [
    'import unittest',
    '',
    'from calc.stats import total',
    '',
    '',
    'class TotalTest(unittest.TestCase):',
    '    def test_sums(self):',
    '        self.assertEqual(total([1, 2, 3]), 6)',
    '',
  ].join('\n'),
  'tests/test_text.py': [
    'import unittest',
    '',
    'from calc.text import shout',
    '',
    '',
    'class ShoutTest(unittest.TestCase):',
    '    def test_shouts(self):',
    "        self.assertEqual(shout('a'), 'A')",
    '',
  ].join('\n'),
};

/** The same code tested with pytest. */
export const pytestProject: Record<string, string> = {
  'calc/__init__.py': '',
  'calc/ops.py': ops,
  'calc/stats.py': stats,
  'conftest.py': '',
  'tests/test_stats.py': ['from calc.stats import total', '', '', 'def test_sums():', '    assert total([1, 2, 3]) == 6', ''].join('\n'),
};

/** `add` subtracts instead. */
export const brokenOps = ['def add(a, b):', '    return a - b', ''].join('\n');
