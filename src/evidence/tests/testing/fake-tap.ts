/** A stand-in for an installed tap 16 (`node_modules/tap`), for tests that must not need the network. */

/**
 * `bin/run.js` runs each test file after `--` with Node (inheriting the environment, as tap does), nests
 * the TAP the file prints under `# Subtest: <file>`, and writes it all to `--output-file`, as tap does.
 */
const runScript = [
  "const { spawnSync } = require('node:child_process');",
  "const { writeFileSync } = require('node:fs');",
  'const args = process.argv.slice(2);',
  "const output = args.find((arg) => arg.startsWith('--output-file=')).slice('--output-file='.length);",
  "const files = args.slice(args.indexOf('--') + 1);",
  "let text = 'TAP version 13\\n';",
  'let failed = 0;',
  'files.forEach((file, index) => {',
  "  const run = spawnSync(process.execPath, [file], { encoding: 'utf8' });",
  "  text += `# Subtest: ${file}\\n` + run.stdout.split('\\n').map((line) => (line ? `    ${line}` : line)).join('\\n');",
  '  if (run.status !== 0) failed++;',
  "  text += run.status === 0 ? `ok ${index + 1} - ${file}\\n` : `not ok ${index + 1} - ${file}\\n  ---\\n  exitCode: ${run.status}\\n  ...\\n`;",
  '});',
  'writeFileSync(output, text);',
  'process.exitCode = failed > 0 ? 1 : 0;',
  '',
].join('\n');

/** Files of `node_modules/tap` at `version`. */
export function fakeTapPackage(version = '16.3.10'): Record<string, string> {
  return {
    'node_modules/tap/package.json': JSON.stringify({ name: 'tap', version, bin: { tap: 'bin/run.js' } }),
    'node_modules/tap/bin/run.js': runScript,
  };
}
