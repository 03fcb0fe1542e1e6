import { Parser, Language } from 'web-tree-sitter';
import { join } from 'node:path';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
await Parser.init();
const dir = require.resolve('tree-sitter-typescript/package.json').replace('/package.json', '');
const ts = await Language.load(join(dir, 'tree-sitter-typescript.wasm'));
const parser = new Parser(); parser.setLanguage(ts);
const src = 'const s = "αβ😀"; let x = 1;\ninterface A { abstract: boolean; b: string }\n';
const t = parser.parse(src)!;
const c = t.walk();
for (;;) { const n = c.currentNode; if (n.type === 'identifier' || n.type==='property_identifier') console.log(n.type, n.text, n.startIndex, n.endIndex, n.startPosition, src.slice(n.startIndex, n.endIndex), c.currentFieldName);
  if (c.gotoFirstChild()) continue; let done = false; while (!c.gotoNextSibling()) { if (!c.gotoParent()) { done = true; break; } } if (done) break; }
console.log(t.rootNode.toString());
