/** The terminal report of `check`: grouped by file and hunk, colour opt-out. */
import type { Verdict } from '../../core/change.ts';
import type { CheckReport } from './types.ts';

export interface TextColors {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  red(text: string): string;
  cyan(text: string): string;
}

const paint = (verdict: Verdict, colors: TextColors) =>
  verdict === 'verified' || verdict === 'likely' ? colors.green : verdict === 'unverified' ? colors.yellow : colors.red;

/** Renders the report for a terminal. */
export function formatTextReport(report: CheckReport, colors: TextColors): string {
  const lines: string[] = [];
  lines.push(`${colors.bold('check')} ${report.source} against ${report.base.slice(0, 12)} ${colors.dim(`(intent: ${report.intent}, ${report.intentSource})`)}`);
  if (report.files.length === 0) {
    lines.push('no changes to check');
    for (const { kind, reason } of report.unavailable) lines.push(`${kind}: ${reason}`);
    lines.push(...report.notes);
    return lines.join('\n');
  }
  for (const file of report.files) {
    lines.push('', `${colors.bold(file.path)} ${colors.dim(file.kind + (file.binary ? ', binary' : ''))}`);
    if (file.hunks.length === 0) lines.push(colors.dim('  (no hunks: rename, mode change or binary)'));
    for (const { hunk, verdict, reason, evidence, symbols } of file.hunks) {
      const where = hunk.newLines > 0 ? `lines ${hunk.newStart}-${hunk.newStart + hunk.newLines - 1}` : `removed at ${hunk.oldStart}`;
      lines.push(`  ${paint(verdict, colors)(verdict.padEnd(10))} ${colors.cyan(where)}${symbols.length ? ` ${colors.dim(symbols.join(', '))}` : ''}`);
      lines.push(`             ${reason}`);
      for (const item of evidence) {
        if (item.message === reason) continue;
        lines.push(colors.dim(`             - ${item.kind}: ${item.status === 'pass' ? '' : `${item.status}: `}${item.message}`));
      }
    }
  }
  for (const item of report.changeEvidence) lines.push('', `${item.status === 'fail' ? colors.red('change') : colors.dim('change')}: ${item.message}`);
  if (report.unavailable.length > 0) {
    lines.push('', colors.bold('not checked'));
    for (const { kind, reason } of report.unavailable) lines.push(`  ${kind}: ${reason}`);
  }
  if (report.notes.length > 0) lines.push('', ...report.notes.map((note) => colors.dim(note)));
  const counts = (Object.entries(report.counts) as [Verdict, number][]).filter(([, count]) => count > 0);
  lines.push('', `${counts.map(([verdict, count]) => paint(verdict, colors)(`${count} ${verdict}`)).join(', ')} ${colors.dim(`in ${(report.milliseconds / 1000).toFixed(1)} s`)}`);
  return lines.join('\n');
}
