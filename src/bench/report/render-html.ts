/** The HTML report of a bench run: one self-contained page (inline CSS and SVG, no scripts, no CDN). */
import type { BenchSummary, GroupSummary, TaskResult } from '../score/summary-types.ts';
import { count, dollars, excludedText, measure, passColumns, rate, runFileLink, seconds } from './format-figures.ts';
import { barChart, escapeHtml, scatterChart } from './svg-charts.ts';

const style = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1b1f24}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:13px}th,td{border-bottom:1px solid #d8dee4;padding:4px 8px;text-align:left}
th{background:#f6f8fa}td.num{text-align:right;font-variant-numeric:tabular-nums}.charts{display:flex;flex-wrap:wrap;gap:1.5rem}
.title{font-weight:600;font-size:13px}.label,.value{font-size:12px;fill:#424a53}.track{fill:#eef1f4}.bar{fill:#2f81f7}
.grid{stroke:#eef1f4}.axis{stroke:#8c959f}.dot{fill:#2f81f7;fill-opacity:.7}.passed{color:#1a7f37}.failed{color:#cf222e}
.partial,.flaky,.environment-error,.broken-task,.pending{color:#9a6700}code{font-size:12px}`;

function groupRows(groups: [string, GroupSummary][]): string {
  const columns = passColumns(groups.map(([, group]) => group));
  const head = `<tr><th></th><th>tasks</th><th>counted</th><th>resolve rate</th>${columns.map((column) => `<th>${column}</th>`).join('')}<th>cost/task</th><th>tokens/task</th><th>time/task</th><th>excluded</th></tr>`;
  const body = groups.map(([name, group]) => `<tr><td>${escapeHtml(name)}</td><td class="num">${group.tasks}</td><td class="num">${group.counted}</td><td class="num">${rate(group.resolveRate)}</td>${columns.map((column) => `<td class="num">${rate(group.passAtK[column])}</td>`).join('')}<td class="num">${dollars(group.cost.perTask)}</td><td class="num">${count(group.tokens.perTask)}</td><td class="num">${seconds(group.seconds.perTask)}</td><td>${escapeHtml(excludedText(group) || '-')}</td></tr>`);
  return `<table>${head}${body.join('')}</table>`;
}

function bars(groups: Record<string, GroupSummary>) {
  return Object.entries(groups).map(([label, group]) => ({ label, value: group.resolveRate, note: `n=${group.counted}` }));
}

function taskRow(task: TaskResult, linkPrefix: string): string {
  const link = (file: string | undefined, text: string) => (file ? `<a href="${escapeHtml(runFileLink(linkPrefix, file))}">${text}</a>` : '');
  const files = task.rows.map((item) => [link(item.patchFile, `diff ${item.sample}`), link(item.trajectory, `trajectory ${item.sample}`), link(item.logFile, `log ${item.sample}`)].filter(Boolean).join(' ')).filter(Boolean).join(' · ');
  const reasons = task.rows.map((item) => item.reason).filter(Boolean);
  return `<tr><td><code>${escapeHtml(task.id)}</code></td><td>${task.family}</td><td>${task.scope}</td><td>${task.complexity}</td><td>${task.autonomy}</td><td class="${task.status}" title="${escapeHtml(reasons.join('\n'))}">${task.status}</td><td class="num">${task.passed}/${task.counted}</td><td class="num">${dollars(task.cost)}</td><td class="num">${count(task.inputTokens + task.outputTokens)}</td><td class="num">${seconds(task.agentSeconds + task.scoreSeconds)}</td><td>${files || '-'}</td></tr>`;
}

/** A complete HTML document for `summary`; links to run files go through `linkPrefix` (from the page's folder to the run folder). */
export function renderBenchHtml(summary: BenchSummary, linkPrefix = ''): string {
  const { run, overall } = summary;
  const costPoints = summary.tasks.filter((task) => task.counted > 0).map((task) => ({ x: task.cost, y: task.passed / task.counted, label: task.id }));
  const measures = Object.entries(overall.measures);
  const excluded = summary.excluded.filter((item) => item.status !== 'pending');
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<title>codewright bench ${escapeHtml(run.id)}</title><style>${style}</style></head><body>`,
    `<h1>Bench run <code>${escapeHtml(run.id)}</code></h1>`,
    `<p>Agent <code>${escapeHtml(run.agent)}</code>${run.model ? ` (${escapeHtml(run.model)})` : ''} on <code>${escapeHtml(run.suite)}</code>: ${summary.tasks.length} tasks, ${run.samples} sample${run.samples === 1 ? '' : 's'} each; run ${escapeHtml(run.status)}. Resolve rate <strong>${rate(overall.resolveRate)}</strong> over ${overall.counted} counted tasks; total cost ${dollars(overall.cost.total)}.</p>`,
    '<div class="charts">',
    barChart('Resolve rate by family', bars(summary.by.family)),
    barChart('Resolve rate by scope', bars(summary.by.scope)),
    scatterChart('Cost against score, per task', costPoints, { x: 'cost ($)', y: 'passed' }),
    '</div>',
    '<h2>Overall</h2>',
    groupRows([['all', overall]]),
    ...(['family', 'scope', 'complexity', 'autonomy', 'language', 'suite'] as const).flatMap((dimension) => [`<h2>By ${dimension}</h2>`, groupRows(Object.entries(summary.by[dimension]))]),
    ...(measures.length > 0 ? ['<h2>Measures</h2><table><tr><th>measure</th><th>overall</th></tr>', ...measures.map(([name, value]) => `<tr><td>${escapeHtml(name)}</td><td class="num">${measure(name, value)}</td></tr>`), '</table>'] : []),
    ...(excluded.length > 0 ? ['<h2>Reported, not counted</h2><ul>', ...excluded.map((item) => `<li><code>${escapeHtml(item.taskId)}</code> sample ${item.sample}: <strong>${escapeHtml(item.status)}</strong>: ${escapeHtml(item.reason)}</li>`), '</ul>'] : []),
    '<h2>Tasks</h2><table><tr><th>task</th><th>family</th><th>scope</th><th>complexity</th><th>autonomy</th><th>status</th><th>passed</th><th>cost</th><th>tokens</th><th>time</th><th>files</th></tr>',
    ...summary.tasks.map((task) => taskRow(task, linkPrefix)),
    '</table></body></html>',
    '',
  ].join('\n');
}
