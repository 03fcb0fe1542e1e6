#!/usr/bin/env node
// Entry point: runs the TypeScript sources directly (Node >= 22.13 strips types).
import { spawnSync } from 'node:child_process';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 13)) {
  process.stderr.write(
    `codewright needs Node >= 22.13 (this is ${process.version}). Run it as \`bash scripts/codewright ${process.argv.slice(2).join(' ')}\` from the codewright checkout (it installs Node 24 into .cache/node), or install Node >= 22.13.\n`,
  );
  process.exitCode = 2;
} else if (!process.features.typescript) {
  // Node 22.13-22.17 strips types only behind a flag: run again with it.
  const result = spawnSync(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings', fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  process.exitCode = result.status ?? 2;
} else {
  // Reuse compiled code across runs: start-up dominates short queries.
  module.enableCompileCache?.();
  await import('../src/cli/main.ts');
}
