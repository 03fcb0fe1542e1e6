import { describe, expect, it } from 'vitest';
import { collectPythonUses } from './python-uses.ts';

const source = [
  'import json',
  'import numpy as np',
  'from os import path as p',
  'from collections import (',
  '    OrderedDict,',
  '    Countr,',
  ')',
  'from . import sibling',
  '',
  'def f():',
  '    text = "json.nope() is only text"  # json.comment()',
  '    return json.dumpz(np.arange(3), p.joinn("a"))',
  '',
].join('\n');

describe('python uses', () => {
  it('finds imports and module attribute chains on added lines, not in strings or comments', () => {
    const uses = collectPythonUses(source, new Set([1, 2, 5, 6, 8, 11, 12]));
    expect(uses.map((use) => [use.kind, use.module, use.attributes.join('.'), use.written, use.called, use.line])).toEqual([
      ['module', 'json', '', 'json', false, 1],
      ['module', 'numpy', '', 'numpy', false, 2],
      ['import', 'collections', 'OrderedDict', 'OrderedDict', false, 5],
      ['import', 'collections', 'Countr', 'Countr', false, 5],
      ['member', 'json', 'dumpz', 'json.dumpz', true, 12],
      ['member', 'numpy', 'arange', 'np.arange', true, 12],
      ['member', 'os', 'path.joinn', 'p.joinn', true, 12],
    ]);
  });

  it('ignores lines the change did not add', () => {
    expect(collectPythonUses(source, new Set([10]))).toEqual([]);
  });
});
