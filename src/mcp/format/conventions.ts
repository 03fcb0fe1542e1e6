/** The conventions of a repository as Markdown a model reads before writing code there. */
import type { Conventions } from '../../atlas/query/conventions.ts';
import type { StyleShare } from '../../atlas/query/naming-style.ts';

const percent = (share: number) => `${Math.round(share * 100)}%`;

function styles(shares: readonly StyleShare[]): string {
  if (shares.length === 0) return 'no clear style';
  return shares.map((entry) => `${entry.style} ${percent(entry.share)} (e.g. \`${entry.example}\`)`).join(', ');
}

/** Renders `conventions` as Markdown sections. */
export function formatConventions(conventions: Conventions): string {
  const lines = ['# Conventions of this repository', '', '## Languages'];
  for (const entry of conventions.languages) lines.push(`- ${entry.language}: ${percent(entry.share)} of lines (${entry.files} files)`);
  if (conventions.languages.length === 0) lines.push('- none parsed');
  if (conventions.moduleSystem) {
    const { style, packageType, esmFiles, commonJsFiles } = conventions.moduleSystem;
    lines.push('', '## Modules', `- ${style === 'esm' ? 'ES modules (import/export)' : style === 'commonjs' ? 'CommonJS (require/module.exports)' : 'mixed ES modules and CommonJS'}: ${esmFiles} files import, ${commonJsFiles} require${packageType ? `; package.json "type": "${packageType}"` : ''}`);
  }
  const { tests } = conventions;
  lines.push('', '## Tests', `- frameworks: ${tests.frameworks.join(', ') || 'none found'}`, `- ${tests.files} test files, ${tests.location}`);
  if (tests.patterns.length > 0) lines.push(`- file names: ${tests.patterns.map((entry) => `\`${entry.pattern}\` (${entry.files})`).join(', ')}`);
  lines.push('', '## Tooling');
  for (const tool of conventions.tools) lines.push(`- ${tool.kind}: ${tool.tool} (${tool.file})`);
  if (conventions.tools.length === 0) lines.push('- no linter, formatter or type checker configured at the root');
  lines.push('', '## Naming', `- functions: ${styles(conventions.naming.functions)}`, `- types: ${styles(conventions.naming.types)}`, `- files: ${styles(conventions.naming.files)}`);
  lines.push('', '## Most-used internal helpers (prefer them over new code)');
  for (const helper of conventions.helpers) lines.push(`- \`${helper.signature || helper.name}\` in ${helper.path}:${helper.line}, imported by ${helper.importers} files`);
  if (conventions.helpers.length === 0) lines.push('- none found (no resolved imports between files)');
  return lines.join('\n');
}
