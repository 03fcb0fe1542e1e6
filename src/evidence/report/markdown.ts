/** The Markdown report of `check`, for a pull-request comment. */
import type { Verdict } from '../../core/change.ts';
import type { CheckReport } from './types.ts';

const icon: Record<Verdict, string> = { verified: '✅', likely: '🟢', unverified: '🟡', suspicious: '🟠', broken: '🔴' };

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Renders the report as Markdown: a summary line, a table of hunks, and what was not checked. */
export function formatMarkdownReport(report: CheckReport): string {
  const lines: string[] = ['## codewright check', ''];
  if (report.files.length === 0) return [...lines, 'No changes to check.'].join('\n');
  const counts = (Object.entries(report.counts) as [Verdict, number][]).filter(([, count]) => count > 0);
  lines.push(`${counts.map(([verdict, count]) => `${icon[verdict]} ${count} ${verdict}`).join(' · ')} — intent **${report.intent}** (${report.intentSource})`, '');
  lines.push('| verdict | where | reason |', '| --- | --- | --- |');
  for (const file of report.files) {
    for (const { hunk, verdict, reason } of file.hunks) {
      const end = hunk.newStart + Math.max(0, hunk.newLines - 1);
      lines.push(`| ${icon[verdict]} ${verdict} | \`${cell(file.path)}:${hunk.newStart}-${end}\` | ${cell(reason)} |`);
    }
  }
  const details = report.files.flatMap((file) => file.hunks.filter((entry) => entry.evidence.length > 0).map((entry) => ({ file, entry })));
  if (details.length > 0) {
    lines.push('', '<details><summary>Evidence per hunk</summary>', '');
    for (const { file, entry } of details) {
      lines.push(`**\`${file.path}:${entry.hunk.newStart}\`** ${entry.verdict}`);
      for (const item of entry.evidence) lines.push(`- ${item.kind} (${item.status}): ${item.message}`);
      lines.push('');
    }
    lines.push('</details>');
  }
  for (const item of report.changeEvidence) lines.push('', `**Change:** ${item.message}`);
  if (report.unavailable.length > 0) {
    lines.push('', '**Not checked:** ' + report.unavailable.map(({ kind, reason }) => `${kind} (${reason})`).join('; '));
  }
  return lines.join('\n');
}
