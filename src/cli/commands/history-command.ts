/** `codewright history <file|symbol>` */
import { historyOf } from '../../atlas/query/history.ts';
import type { FileHistory } from '../../atlas/history/index.ts';
import type { CommandContext } from '../context.ts';
import { printJson } from '../context.ts';
import { withIndexAsync } from './open.ts';
import type { QueryOptions } from './symbol-commands.ts';

const date = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

function renderFile(file: FileHistory, context: CommandContext): void {
  const { bold, dim, cyan, yellow } = context.colors;
  context.out(`${bold(file.path)}: ${file.commitCount} commits, +${file.added} -${file.deleted} (churn ${file.churn}), ${file.fixCount} fixes`);
  if (file.lastChange) context.out(`  last change ${date(file.lastChange.time)} ${file.lastChange.sha.slice(0, 10)} ${file.lastChange.subject}`);
  if (file.survival.measured > 0) {
    context.out(`  fix longevity: ${file.survival.surviving} of ${file.survival.added} lines added by ${file.survival.measured} fixes survive at HEAD${file.survival.share === null ? '' : ` (${Math.round(file.survival.share * 100)}%)`}`);
  }
  for (const commit of file.commits) {
    context.out(`  ${cyan(commit.sha.slice(0, 10))} ${date(commit.time)} ${commit.isFix ? yellow('fix ') : ''}${commit.subject} ${dim(`+${commit.added} -${commit.deleted}${commit.issues.length ? ` ${commit.issues.join(' ')}` : ''}`)}`);
  }
  if (file.coChanged.length > 0) {
    context.out('  changes together with:');
    for (const other of file.coChanged) context.out(`    ${other.path} ${dim(`${other.count} commits (${Math.round(other.share * 100)}%)`)}`);
  }
}

/** Runs the history command. */
export async function runHistory(target: string, options: QueryOptions, context: CommandContext): Promise<void> {
  await withIndexAsync(options.root, async (db, root) => {
    const limit = options.limit ? Math.max(1, Number(options.limit) || 20) : 20;
    const answer = await historyOf(db, root, target, { limit });
    if (options.json) return printJson(context, answer);
    if (answer.type === 'file') return renderFile(answer.file, context);
    const { bold, dim, cyan, yellow } = context.colors;
    for (const { symbol, history, file } of answer.symbols) {
      context.out(`${bold(symbol.qualifiedName)} ${dim(`${symbol.location.path}:${symbol.location.startLine}-${symbol.location.endLine}`)}`);
      if (!history) {
        context.out(dim('  no git history (not a git repository)'));
        continue;
      }
      for (const commit of history.commits) {
        context.out(`  ${cyan(commit.sha.slice(0, 10))} ${date(commit.time)} ${commit.isFix ? yellow('fix ') : ''}${commit.subject}`);
      }
      if (history.timedOut) context.out(dim('  (git log -L timed out: older commits may be missing)'));
      context.out(dim(`  file: ${file.commitCount} commits, churn ${file.churn}, ${file.fixCount} fixes`));
    }
  });
}
