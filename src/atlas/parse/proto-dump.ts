import { Parser, Language } from 'web-tree-sitter';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
await Parser.init();
const [lang, file] = process.argv.slice(2) as [string, string];
const pkg = lang === 'typescript' || lang === 'tsx' ? 'tree-sitter-typescript' : `tree-sitter-${lang}`;
const dir = dirname(require.resolve(`${pkg}/package.json`));
const l = await Language.load(join(dir, `tree-sitter-${lang}.wasm`));
const parser = new Parser(); parser.setLanguage(l);
const src = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
const t = parser.parse(src)!;
const c = t.walk(); let depth = 0;
for (;;) { const f = c.currentFieldName; if (c.nodeIsNamed) { const n = c.currentNode; const txt = n.childCount === 0 ? ' ' + JSON.stringify(n.text) : ''; console.log('  '.repeat(depth) + (f ? f + ': ' : '') + c.nodeType + (c.nodeIsMissing ? ' MISSING' : '') + txt); }
  if (c.gotoFirstChild()) { depth++; continue; } let done = false; while (!c.gotoNextSibling()) { if (!c.gotoParent()) { done = true; break; } depth--; } if (done) break; }
