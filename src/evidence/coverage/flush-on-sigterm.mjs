// Preload for `node --import` in test workers under NODE_V8_COVERAGE: a runner that ends its workers with SIGTERM
// (vitest's forks) would lose their coverage, since Node writes it only on a normal exit. Write it, then exit.
import process from 'node:process';
import v8 from 'node:v8';

if (process.env.NODE_V8_COVERAGE) {
  process.once('SIGTERM', () => {
    try {
      v8.takeCoverage();
      v8.stopCoverage();
    } finally {
      process.exit(143);
    }
  });
}
