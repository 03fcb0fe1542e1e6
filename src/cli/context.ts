/** What every command gets: output streams, colours, and the repository root to query. */
import type { Colors } from './color.ts';
import { colorEnabled, createColors } from './color.ts';

export interface CommandContext {
  out: (text: string) => void;
  err: (text: string) => void;
  colors: Colors;
  stderrIsTTY: boolean;
}

/** The context of the running process. */
export function processContext(): CommandContext {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    colors: createColors(colorEnabled(process.stdout)),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
}

/** Prints `value` as indented JSON on stdout. */
export function printJson(context: CommandContext, value: unknown): void {
  context.out(JSON.stringify(value, null, 2));
}
