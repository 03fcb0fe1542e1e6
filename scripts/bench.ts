/** Benchmarks: `npm run bench -- <index|locate|check|mcp|agent|suites> <checkout>`; prints figures, asserts nothing. */
import { resolve } from 'node:path';

const [suite, path] = process.argv.slice(2);
if (suite === 'agent') {
  await (await import('./bench/agent-bench.ts')).benchAgent();
} else if (suite === 'suites') {
  // --transcoder <CodeGen checkout> --multipl-e <prompts.jsonl> --humaneval-x <humaneval_js.jsonl.gz>
  await (await import('./bench/bench-suites.ts')).benchSuites(process.argv.slice(3));
} else if (!suite || !path) {
  console.error('usage: npm run bench -- <index|locate|check|mcp|agent|suites> <path of a checkout>');
  process.exitCode = 2;
} else if (suite === 'index') {
  await (await import('./bench/index-bench.ts')).benchIndex(resolve(path));
} else if (suite === 'locate') {
  (await import('./bench/locate-bench.ts')).benchLocate(resolve(path));
} else if (suite === 'check') {
  await (await import('./bench/check-bench.ts')).benchCheck(resolve(path));
} else if (suite === 'mcp') {
  await (await import('./bench/mcp-bench.ts')).benchMcp(resolve(path));
} else {
  console.error(`unknown benchmark \`${suite}\`: use index, locate, check or mcp`);
  process.exitCode = 2;
}
