/** Tool results: compact text, capped in size, and errors a model can act on instead of exceptions. */
import type { CallToolResult } from '@modelcontextprotocol/server';
import { CodewrightError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';

/** No result text is longer than this; what is cut is marked. */
export const maxResultCharacters = 60_000;

const tools = new Set(['find', 'refs', 'callers', 'callees', 'outline', 'search', 'locate', 'map', 'history', 'check']);

/** One backticked CLI command, said as the tool call that does the same. */
function asToolCall(match: string, example: string | undefined, command: string, rest: string): string {
  if (example && tools.has(command) && rest.trim()) return `${example}\`${rest.trim()}\``;
  const prefix = example ?? '';
  if (command === 'index') return `${prefix}${rest.includes('--rebuild') ? 'the CLI command `codewright index --rebuild`' : 'the `index_status` tool with `refresh: true`'}`;
  if (command === 'stats') return `${prefix}the \`index_status\` tool`;
  if (command === 'runs') return `${prefix}the \`codewright://tasks\` resource`;
  if (tools.has(command)) return `${prefix}the \`${command}\` tool`;
  return match;
}

/** Rewrites CLI advice in a core message (`codewright find x`, `--intent fix`) for MCP clients. */
export function adviceForClients(message: string): string {
  return message
    .replace(/(e\.g\. )?`codewright (\w+)([^`]*)`/g, (match, example: string | undefined, command: string, rest: string) => asToolCall(match, example, command, rest))
    .replace(/\bpass --intent (\w+)/g, 'give `intent: "$1"`');
}

/** A text result, cut at `maxResultCharacters` with a marker saying so. */
export function textResult(text: string): CallToolResult {
  const cut = text.length > maxResultCharacters ? `${text.slice(0, maxResultCharacters)}\n[truncated: the answer was ${text.length} characters; ask for a smaller page with \`limit\`]` : text;
  return { content: [{ type: 'text', text: cut }] };
}

/** A tool error: the model sees the message and can correct the call. */
export function errorResult(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

/**
 * Runs a tool body: expected failures (bad arguments, nothing found, no index) become tool errors whose
 * message says what to do; unexpected ones are logged on stderr and reported without a stack.
 */
export async function runTool(name: string, logger: Logger, body: () => Promise<string> | string): Promise<CallToolResult> {
  try {
    return textResult(await body());
  } catch (error) {
    if (CodewrightError.isInstance(error)) return errorResult(adviceForClients(error.message));
    logger.error(`codewright mcp: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return errorResult(`${name} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}. The server log (stderr) has details.`);
  }
}

/** Puts notes (an index built on first use) ahead of an answer. */
export function withNotes(notes: readonly string[], text: string): string {
  return notes.length === 0 ? text : `${notes.map((note) => `Note: ${note}`).join('\n')}\n\n${text}`;
}
