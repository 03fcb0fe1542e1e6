/** Benchmarks: `npm run bench -- <index|locate|check> <checkout>`; prints figures, asserts nothing. */
import { resolve } from 'node:path';

const [suite, path] = process.argv.slice(2);
if (!suite || !path) {
  console.error('usage: npm run bench -- <index|locate|check> <path of a checkout>');
  process.exitCode = 2;
} else if (suite === 'index') {
  (await import('./bench/index-bench.ts')).benchIndex(resolve(path));
} else if (suite === 'locate') {
  (await import('./bench/locate-bench.ts')).benchLocate(resolve(path));
} else if (suite === 'check') {
  await (await import('./bench/check-bench.ts')).benchCheck(resolve(path));
} else {
  console.error(`unknown benchmark \`${suite}\`: use index, locate or check`);
  process.exitCode = 2;
}
