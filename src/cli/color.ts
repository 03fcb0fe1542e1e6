/** Terminal colour, opt-out: off for NO_COLOR, non-TTY output, and when an agent runs the tool. */

const agentVariables = ['CLAUDECODE', 'CODEX_SANDBOX', 'CURSOR_AGENT', 'AIDER', 'CLINE_ACTIVE', 'OPENCODE', 'AI_AGENT'];

/** True when colours should be written to `stream`. */
export function colorEnabled(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if ('NO_COLOR' in env && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  if (agentVariables.some((name) => env[name])) return false;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

export interface Colors {
  bold(text: string): string;
  dim(text: string): string;
  cyan(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  red(text: string): string;
  magenta(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

/** Colour functions, or identity functions when disabled. */
export function createColors(enabled: boolean): Colors {
  const plain = (text: string) => text;
  return enabled
    ? { bold: wrap(1, 22), dim: wrap(2, 22), cyan: wrap(36, 39), green: wrap(32, 39), yellow: wrap(33, 39), red: wrap(31, 39), magenta: wrap(35, 39) }
    : { bold: plain, dim: plain, cyan: plain, green: plain, yellow: plain, red: plain, magenta: plain };
}
