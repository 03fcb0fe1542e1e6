/** A comparison of two bench runs as Markdown: headline rates, the paired tests, and the tasks that changed. */
import { rate } from '../report/format-figures.ts';
import type { RunComparison } from './compare-runs.ts';

const pValue = (p: number) => (p < 0.001 ? '< 0.001' : p.toFixed(3));

/** Markdown for `comparison`; tasks whose outcome is the same in both runs are counted, not listed. */
export function renderComparisonMarkdown(comparison: RunComparison): string {
  const { first, second, paired } = comparison;
  const lines = [
    `# ${first.id} against ${second.id}`,
    '',
    '| | first | second |',
    '| --- | --- | --- |',
    `| run | \`${first.id}\` | \`${second.id}\` |`,
    `| agent | \`${first.agent}\`${first.model ? ` (${first.model})` : ''} | \`${second.agent}\`${second.model ? ` (${second.model})` : ''} |`,
    `| resolve rate (own tasks) | ${rate(first.resolveRate)} | ${rate(second.resolveRate)} |`,
    `| resolve rate (${paired.tasks} paired tasks) | ${rate(paired.rateFirst)} | ${rate(paired.rateSecond)} |`,
    '',
    `Paired tasks: ${paired.bothResolved} resolved by both, ${paired.neither} by neither, ${paired.mcnemar.onlyFirst} only by the first, ${paired.mcnemar.onlySecond} only by the second. Exact McNemar test: p = ${pValue(paired.mcnemar.p)}.`,
    '',
    '| measure | mean first | mean second | pairs (non-zero) | Wilcoxon p |',
    '| --- | --- | --- | --- | --- |',
    ...comparison.continuous.map((item) => `| ${item.name} | ${Number(item.meanFirst.toPrecision(4))} | ${Number(item.meanSecond.toPrecision(4))} | ${item.n} | ${pValue(item.p)}${item.method === 'normal' ? ' (normal)' : ''} |`),
    '',
  ];
  const changed = comparison.tasks.filter((task) => task.change !== 'same');
  if (changed.length > 0) {
    lines.push('## Tasks that differ', '', '| task | family | first | second | change |', '| --- | --- | --- | --- | --- |');
    for (const task of changed) lines.push(`| \`${task.id}\` | ${task.family} | ${task.first.status} | ${task.second.status} | ${task.change} |`);
    lines.push('');
  }
  if (comparison.onlyInFirst.length > 0) lines.push(`Only in the first run: ${comparison.onlyInFirst.map((id) => `\`${id}\``).join(', ')}`, '');
  if (comparison.onlyInSecond.length > 0) lines.push(`Only in the second run: ${comparison.onlyInSecond.map((id) => `\`${id}\``).join(', ')}`, '');
  return `${lines.join('\n')}\n`;
}
