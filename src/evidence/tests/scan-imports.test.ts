import { describe, expect, test } from 'vitest';
import { importSpecifiers } from './scan-imports.ts';

describe('importSpecifiers', () => {
  test('finds static, re-exported, dynamic and required modules in scripts', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.js';",
      "import './side-effect.js';",
      "export * from './c';",
      "const d = await import('./d.mjs');",
      "const e = require('e-package');",
      "import {\n  f,\n} from './f.ts';",
    ].join('\n');
    expect(importSpecifiers('javascript', text)).toEqual(['./a.ts', '../b.js', './side-effect.js', './c', './d.mjs', 'e-package', './f.ts']);
  });

  test('finds modules and possible submodules in Python', () => {
    const text = ['import os, calc.ops as ops', 'from . import sibling', 'from ..pkg.mod import (', '    one,', '    two as second,', ')', 'from calc import *'].join('\n');
    expect(importSpecifiers('python', text)).toEqual(['os', 'calc.ops', '.', '.sibling', '..pkg.mod', '..pkg.mod.one', '..pkg.mod.two', 'calc']);
  });
});
