/** The Markdown report of a bench run: rates overall and by group, measures, excluded samples, and every task with links. */
import type { BenchSummary, GroupDimension, GroupSummary } from '../score/summary-types.ts';
import { count, dollars, excludedText, measure, passColumns, rate, runFileLink, seconds } from './format-figures.ts';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function groupTable(title: string, groups: [string, GroupSummary][]): string[] {
  const columns = passColumns(groups.map(([, group]) => group));
  const header = ['', 'tasks', 'counted', 'resolve rate', ...columns, 'cost/task', 'tokens/task', 'time/task', 'excluded'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`];
  for (const [name, group] of groups) {
    lines.push(`| ${[cell(name), String(group.tasks), String(group.counted), rate(group.resolveRate), ...columns.map((column) => rate(group.passAtK[column])), dollars(group.cost.perTask), count(group.tokens.perTask), seconds(group.seconds.perTask), excludedText(group) || '-'].join(' | ')} |`);
  }
  return [`## ${title}`, '', ...lines, ''];
}

const dimensionTitles: [GroupDimension, string][] = [['family', 'By family'], ['scope', 'By scope'], ['complexity', 'By complexity'], ['autonomy', 'By autonomy'], ['language', 'By language'], ['suite', 'By suite']];

/** Markdown for `summary`; links to patches, logs and trajectories go through `linkPrefix` (from the report's folder to the run folder). */
export function renderBenchMarkdown(summary: BenchSummary, linkPrefix = ''): string {
  const { run, overall } = summary;
  const lines = [
    `# Bench run ${run.id}`,
    '',
    `Agent \`${run.agent}\`${run.model ? ` (${run.model})` : ''} on \`${run.suite}\`: ${summary.tasks.length} tasks, ${run.samples} sample${run.samples === 1 ? '' : 's'} each; run ${run.status}.`,
    '',
    ...groupTable('Overall', [['all', overall]]),
  ];
  for (const [dimension, title] of dimensionTitles) lines.push(...groupTable(title, Object.entries(summary.by[dimension])));
  const measures = Object.entries(overall.measures);
  if (measures.length > 0) {
    lines.push('## Measures', '', '| measure | overall | ' + Object.keys(summary.by.family).join(' | ') + ' |', `|${[' --- ', ' --- ', ...Object.keys(summary.by.family).map(() => ' --- ')].join('|')}|`);
    for (const [name, value] of measures) lines.push(`| ${name} | ${measure(name, value)} | ${Object.values(summary.by.family).map((group) => (group.measures[name] === undefined ? '-' : measure(name, group.measures[name]!))).join(' | ')} |`);
    lines.push('');
  }
  if (summary.excluded.some((item) => item.status !== 'pending')) {
    lines.push('## Reported, not counted', '');
    for (const item of summary.excluded.filter((entry) => entry.status !== 'pending')) lines.push(`- \`${item.taskId}\` sample ${item.sample}: **${item.status}**: ${cell(item.reason)}`);
    lines.push('');
  }
  lines.push('## Tasks', '', '| task | family | scope | status | passed | cost | tokens | time | files |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const task of summary.tasks) {
    const files = task.rows.flatMap((item) => [
      item.patchFile ? `[diff ${item.sample}](${runFileLink(linkPrefix, item.patchFile)})` : '',
      item.trajectory ? `[trajectory ${item.sample}](${runFileLink(linkPrefix, item.trajectory)})` : '',
      item.logFile ? `[log ${item.sample}](${runFileLink(linkPrefix, item.logFile)})` : '',
    ]).filter(Boolean);
    lines.push(`| \`${cell(task.id)}\` | ${task.family} | ${task.scope} | ${task.status} | ${task.passed}/${task.counted} | ${dollars(task.cost)} | ${count(task.inputTokens + task.outputTokens)} | ${seconds(task.agentSeconds + task.scoreSeconds)} | ${files.join(' ') || '-'} |`);
  }
  return `${lines.join('\n')}\n`;
}
