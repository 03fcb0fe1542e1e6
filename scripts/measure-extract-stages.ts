// Prints the single-threaded CPU time of each extraction stage over a checkout (3 rounds): tree-sitter parse,
// our walk over the trees, the whole extraction, and full-text chunk terms. Usage: node scripts/measure-extract-stages.ts <checkout>
import { readFileSync } from 'node:fs';
import { extractFacts } from '../src/atlas/parse/extract.ts';
import { grammarLanguage, grammarsFor } from '../src/atlas/parse/file-checks.ts';
import { loadGrammars, requireGrammar } from '../src/atlas/parse/grammars.ts';
import { compileRules } from '../src/atlas/parse/compiled-rules.ts';
import { rulesFor } from '../src/atlas/parse/rules/index.ts';
import { FactWalker } from '../src/atlas/parse/walker.ts';
import { buildChunks } from '../src/atlas/text/chunks.ts';
import { scanRepository } from '../src/atlas/scan/walk.ts';
const root = process.argv[2];
if (!root) throw new Error('usage: node scripts/measure-extract-stages.ts <checkout>');
const jobs = scanRepository(root).files.filter((f) => f.language && f.size <= 1_000_000);
await loadGrammars(jobs.flatMap((j) => grammarsFor(j.path, j.language!)));
const sources = jobs.map((j) => { const text = readFileSync(j.absolutePath, 'utf8'); return { j, text, language: grammarLanguage(j.path, j.language!, text) }; });
const cpu = (s: NodeJS.CpuUsage) => { const u = process.cpuUsage(s); return ((u.user + u.system) / 1000).toFixed(0); };
for (let round = 0; round < 3; round++) {
  let t = process.cpuUsage();
  const trees = sources.map(({ text, language }) => requireGrammar(language).parser.parse(text)!);
  const parseMs = cpu(t);
  t = process.cpuUsage();
  const facts = sources.map(({ text, language }, i) => new FactWalker(text, compileRules(requireGrammar(language).treeSitterLanguage, rulesFor(language))).walk(trees[i]!));
  const walkMs = cpu(t);
  for (const tree of trees) tree.delete();
  t = process.cpuUsage();
  const all = sources.map(({ j, text, language }) => extractFacts(j.path, language, text));
  const extractMs = cpu(t);
  t = process.cpuUsage();
  for (const [i, { text }] of sources.entries()) buildChunks(text, all[i]!);
  const chunkMs = cpu(t);
  console.log(`files ${sources.length} parse ${parseMs} walk ${walkMs} extract ${extractMs} chunks ${chunkMs} refs ${facts.reduce((s, f) => s + f.references.length, 0)}`);
}
