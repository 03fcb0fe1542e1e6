/** `codewright history <file|symbol>` */
import { historyOf } from '../../atlas/query/history.ts';
import { formatHistoryText } from '../../atlas/query/history-text.ts';
import type { CommandContext } from '../context.ts';
import { printJson } from '../context.ts';
import { withIndexAsync } from './open.ts';
import type { QueryOptions } from './symbol-commands.ts';

/** Runs the history command. */
export async function runHistory(target: string, options: QueryOptions, context: CommandContext): Promise<void> {
  await withIndexAsync(options.root, async (db, root) => {
    const limit = options.limit ? Math.max(1, Number(options.limit) || 20) : 20;
    const answer = await historyOf(db, root, target, { limit });
    if (options.json) return printJson(context, answer);
    context.out(formatHistoryText(answer, context.colors));
  });
}
