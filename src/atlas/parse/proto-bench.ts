import { Parser, Language, Query } from 'web-tree-sitter';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
await Parser.init();
const dir = require.resolve('tree-sitter-typescript/package.json').replace('/package.json', '');
const ts = await Language.load(join(dir, 'tree-sitter-typescript.wasm'));
const parser = new Parser(); parser.setLanguage(ts);
function walk(d: string, out: string[]) { for (const e of readdirSync(d, { withFileTypes: true })) { const p = join(d, e.name); if (e.isDirectory()) walk(p, out); else if (/\.(ts|js|mjs)$/.test(e.name) && statSync(p).size < 500000) out.push(p); } return out; }
const files = walk(process.argv[2]!, []);
const sources = files.map((f) => readFileSync(f, 'utf8'));
const bytes = sources.reduce((a, s) => a + s.length, 0);
const lines = sources.reduce((a, s) => a + s.split('\n').length, 0);
console.log(files.length, 'files', (bytes/1e6).toFixed(1), 'MB', lines, 'lines');
function bench(name: string, fn: (s: string) => number) {
  let ms = 1e9; let n = 0;
  for (let r = 0; r < 4; r++) { n = 0; const t = performance.now(); for (const s of sources) n += fn(s); ms = Math.min(ms, performance.now() - t); }
  console.log(name, ms.toFixed(0), 'ms', (files.length / ms * 1000).toFixed(0), 'files/s', n);
}
bench('parse-warm', (s) => { const t = parser.parse(s)!; t.delete(); return 0; });
bench('parse', (s) => { const t = parser.parse(s)!; t.delete(); return 0; });
bench('parse+walk', (s) => { const t = parser.parse(s)!; const c = t.walk(); let n = 0;
  for (;;) { n += c.nodeTypeId > 0 ? 1 : 0; if (c.gotoFirstChild()) continue; while (!c.gotoNextSibling()) { if (!c.gotoParent()) { c.delete(); t.delete(); return n; } } } });
const q = new Query(ts, '(identifier) @id (property_identifier) @p (type_identifier) @t');
bench('parse+captures-ids', (s) => { const t = parser.parse(s)!; const caps = q.captures(t.rootNode); t.delete(); return caps.length; });
const q2 = new Query(ts, '[(function_declaration) (class_declaration) (method_definition) (interface_declaration) (type_alias_declaration) (lexical_declaration)] @d');
bench('parse+captures-defs', (s) => { const t = parser.parse(s)!; const caps = q2.captures(t.rootNode); t.delete(); return caps.length; });
bench('parse+descendantsOfType', (s) => { const t = parser.parse(s)!; const caps = t.rootNode.descendantsOfType(['identifier', 'property_identifier', 'type_identifier']); t.delete(); return caps.length; });
bench('parse+walk+field', (s) => { const t = parser.parse(s)!; const c = t.walk(); let n = 0;
  for (;;) { n += c.nodeTypeId > 0 ? 1 : 0; n += c.currentFieldId; if (c.gotoFirstChild()) continue; while (!c.gotoNextSibling()) { if (!c.gotoParent()) { c.delete(); t.delete(); return n; } } } });
const named: boolean[] = []; for (let i = 0; i < ts.nodeTypeCount; i++) named[i] = ts.nodeTypeIsNamed(i);
bench('parse+walk+field-named+start', (s) => { const t = parser.parse(s)!; const c = t.walk(); let n = 0;
  for (;;) { const id = c.nodeTypeId; if (named[id]) { n += c.currentFieldId; n+= c.startIndex; } if (c.gotoFirstChild()) continue; while (!c.gotoNextSibling()) { if (!c.gotoParent()) { c.delete(); t.delete(); return n; } } } });
bench('parse+walk', (s) => { const t = parser.parse(s)!; const c = t.walk(); let n = 0;
  for (;;) { n += c.nodeTypeId > 0 ? 1 : 0; if (c.gotoFirstChild()) continue; while (!c.gotoNextSibling()) { if (!c.gotoParent()) { c.delete(); t.delete(); return n; } } } });
