import { afterAll, describe, expect, it } from 'vitest';
import { definitionLines, importLines, parseSnippet, referenceLines, removeSnippets, symbolNamed } from './testing/snippets.ts';

afterAll(removeSnippets);

const counter = `import React, { useState } from 'react';
import { Button } from './button';

interface Props { title: string; onSave?: () => void }

/** Shows a counter. */
export function Counter({ title, onSave }: Props) {
  const [count, setCount] = useState(0);
  return (
    <div className="counter">
      <Button label={title} onClick={() => setCount(count + 1)} />
      <Layout.Panel>{count}</Layout.Panel>
    </div>
  );
}

export default Counter;
`;

const config = `'use strict';
const path = require('path');
const { readFile, writeFile: write } = require('fs/promises');

/**
 * Loads a config.
 */
async function loadConfig(file) {
  const text = await readFile(path.join(__dirname, file), 'utf8');
  return JSON.parse(text);
}

class Cache {
  constructor() { this.items = new Map(); }
  get(key) { return this.items.get(key); }
}

module.exports = { loadConfig, Cache };
module.exports.VERSION = '1.0';
const lazy = () => import('./lazy.js');
`;

describe('extractFacts for TSX', () => {
  it('treats capitalised JSX elements as calls and skips HTML elements, attributes and locals', async () => {
    const facts = await parseSnippet('tsx', 'counter.tsx', counter);
    expect(definitionLines(facts)).toEqual(['interface Props', 'property Props.title', 'property Props.onSave', 'function Counter exported']);
    expect(symbolNamed(facts, 'Counter')).toMatchObject({ signature: 'function Counter({ title, onSave }: Props)', doc: 'Shows a counter.' });
    expect(referenceLines(facts)).toEqual([
      'import useState 1:16 in -',
      'import Button 2:9 in -',
      'type Props 7:43 in Counter',
      'call useState 8:28 in Counter',
      'call Button 11:7 in Counter',
      'read title 11:21 in Counter',
      'call setCount 11:43 in Counter',
      'read count 11:52 in Counter',
      'read Layout 12:7 in Counter',
      'call Layout.Panel 12:14 in Counter',
      'read count 12:21 in Counter',
      'export Counter 17:15 in -',
    ]);
    expect(importLines(facts)).toEqual(['react default as React @1', 'react useState as useState @1', './button Button as Button @2']);
    expect(facts.hasErrors).toBe(false);
  });
});

describe('extractFacts for JavaScript', () => {
  it('reads CommonJS requires and exports, classes and destructured constants', async () => {
    const facts = await parseSnippet('javascript', 'config.js', config);
    expect(definitionLines(facts)).toEqual([
      'constant path',
      'constant readFile',
      'constant write',
      'function loadConfig exported',
      // Exported by `module.exports = { loadConfig, Cache }`, members included.
      'class Cache exported',
      'constructor Cache.constructor exported',
      'method Cache.get exported',
      'variable VERSION exported',
      'function lazy',
    ]);
    expect(symbolNamed(facts, 'loadConfig')).toMatchObject({ signature: 'async function loadConfig(file)', doc: 'Loads a config.' });
    expect(symbolNamed(facts, 'lazy').signature).toBe('const lazy = ()');
    expect(importLines(facts)).toEqual([
      'path * as path @2',
      'fs/promises readFile as readFile @3',
      'fs/promises writeFile as write @3',
      "./lazy.js * as '' @20",
    ]);
    expect(referenceLines(facts, ['call', 'new', 'write'])).toEqual([
      'call require 2:13 in path',
      'call require 3:39 in readFile',
      'call readFile 9:21 in loadConfig',
      'call path.join 9:35 in loadConfig',
      'call JSON.parse 10:14 in loadConfig',
      'write this.items 14:23 in Cache.constructor',
      'new Map 14:35 in Cache.constructor',
      'call this.items.get 15:31 in Cache.get',
      'write module.exports 18:7 in -',
    ]);
  });
});

describe('names that are also Object.prototype members', () => {
  it('are plain names, not rule lookups', async () => {
    const source = 'const constructor = 1;\nfunction toString() { return hasOwnProperty(valueOf, constructor); }\nnew constructor();\n';
    const facts = await parseSnippet('javascript', 'prototype.js', source);
    expect(definitionLines(facts)).toEqual(['constant constructor', 'function toString']);
    expect(referenceLines(facts)).toEqual([
      'call hasOwnProperty 2:29 in toString',
      'read valueOf 2:44 in toString',
      'read constructor 2:53 in toString',
      'new constructor 3:4 in -',
    ]);
    expect(facts.imports).toEqual([]);
  });
});
