/** `codewright mcp`: serves atlas and evidence to MCP clients over stdio (default) or Streamable HTTP on 127.0.0.1. */
import { CodewrightError } from '../../core/errors.ts';
import { createLogger } from '../../core/logger.ts';
import { generateToken, openMcpRepository, serveMcpHttp, serveMcpStdio } from '../../mcp/index.ts';
import type { CommandContext } from '../context.ts';

export interface McpCommandOptions {
  root?: string;
  http?: boolean;
  port?: string;
  token?: string;
}

/** The default HTTP port; `--port 0` picks a free one. */
export const defaultMcpPort = 7331;

function port(value: string | undefined): number {
  if (value === undefined) return defaultMcpPort;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65535) throw new CodewrightError({ code: 'INVALID_ARGUMENT', message: `--port takes a port number 0-65535 (0 picks a free one), not \`${value}\`.` });
  return number;
}

function shutdownSignal(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}

/** Runs the server until the client disconnects (stdio) or the process is interrupted (HTTP). */
export async function runMcpCommand(options: McpCommandOptions, context: CommandContext): Promise<void> {
  // stdout belongs to the protocol on stdio: every message of the server goes to stderr.
  const logger = createLogger({ level: 'warn', stream: process.stderr });
  const repository = openMcpRepository(options.root ?? '.', { logger });
  const shutdown = shutdownSignal();
  try {
    if (!options.http) {
      if (options.port !== undefined || options.token !== undefined) context.err('codewright mcp: --port and --token apply to --http; serving on stdio.');
      await serveMcpStdio(repository, { logger, signal: shutdown.signal });
      return;
    }
    const given = options.token ?? process.env.CODEWRIGHT_MCP_TOKEN;
    if (given !== undefined && !/^[A-Za-z0-9._~+/-]{16,}=*$/.test(given)) {
      throw new CodewrightError({ code: 'INVALID_ARGUMENT', message: 'The token must be at least 16 characters of A-Z, a-z, 0-9 and ._~+/- (a bearer token). Omit it to have one generated.' });
    }
    const token = given ?? generateToken();
    const server = await serveMcpHttp(repository, { port: port(options.port), token, logger });
    context.err(`codewright mcp: serving ${repository.root} at ${server.url}`);
    context.err(`codewright mcp: token ${token}${given === undefined ? ' (generated; set CODEWRIGHT_MCP_TOKEN or --token to keep one across restarts)' : ''}`);
    context.err('codewright mcp: clients send `Authorization: Bearer <token>`; press Ctrl-C to stop.');
    await new Promise<void>((resolve) => shutdown.signal.addEventListener('abort', () => resolve(), { once: true }));
    await server.close();
    repository.close();
  } finally {
    shutdown.dispose();
  }
}
