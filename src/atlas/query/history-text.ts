/** A `history` answer as text: a file's commits, churn, fixes and co-changes, or the commits that touched a symbol. */
import type { FileHistory } from '../history/index.ts';
import type { HistoryAnswer } from './history.ts';

/** Text styles; the default writes plain text. */
export interface HistoryStyles {
  bold(text: string): string;
  dim(text: string): string;
  cyan(text: string): string;
  yellow(text: string): string;
}

const plain = (text: string) => text;
const plainStyles: HistoryStyles = { bold: plain, dim: plain, cyan: plain, yellow: plain };
const date = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

function fileLines(file: FileHistory, { bold, dim, cyan, yellow }: HistoryStyles): string[] {
  const lines = [`${bold(file.path)}: ${file.commitCount} commits, +${file.added} -${file.deleted} (churn ${file.churn}), ${file.fixCount} fixes`];
  if (file.lastChange) lines.push(`  last change ${date(file.lastChange.time)} ${file.lastChange.sha.slice(0, 10)} ${file.lastChange.subject}`);
  if (file.survival.measured > 0) {
    lines.push(`  fix longevity: ${file.survival.surviving} of ${file.survival.added} lines added by ${file.survival.measured} fixes survive at HEAD${file.survival.share === null ? '' : ` (${Math.round(file.survival.share * 100)}%)`}`);
  }
  for (const commit of file.commits) {
    lines.push(`  ${cyan(commit.sha.slice(0, 10))} ${date(commit.time)} ${commit.isFix ? yellow('fix ') : ''}${commit.subject} ${dim(`+${commit.added} -${commit.deleted}${commit.issues.length ? ` ${commit.issues.join(' ')}` : ''}`)}`);
  }
  if (file.coChanged.length > 0) {
    lines.push('  changes together with:');
    for (const other of file.coChanged) lines.push(`    ${other.path} ${dim(`${other.count} commits (${Math.round(other.share * 100)}%)`)}`);
  }
  return lines;
}

/** Renders a history answer, styled for a terminal or plain (the default). */
export function formatHistoryText(answer: HistoryAnswer, styles: HistoryStyles = plainStyles): string {
  if (answer.type === 'file') return fileLines(answer.file, styles).join('\n');
  const { bold, dim, cyan, yellow } = styles;
  const lines: string[] = [];
  for (const { symbol, history, file } of answer.symbols) {
    lines.push(`${bold(symbol.qualifiedName)} ${dim(`${symbol.location.path}:${symbol.location.startLine}-${symbol.location.endLine}`)}`);
    if (!history) {
      lines.push(dim('  no git history (not a git repository)'));
      continue;
    }
    for (const commit of history.commits) lines.push(`  ${cyan(commit.sha.slice(0, 10))} ${date(commit.time)} ${commit.isFix ? yellow('fix ') : ''}${commit.subject}`);
    if (history.timedOut) lines.push(dim('  (git log -L timed out: older commits may be missing)'));
    lines.push(dim(`  file: ${file.commitCount} commits, churn ${file.churn}, ${file.fixCount} fixes`));
  }
  return lines.join('\n');
}
