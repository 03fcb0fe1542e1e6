/** Serves MCP over stdin and stdout; stdout carries protocol frames only, everything else goes to stderr. */
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import type { Logger } from '../../core/logger.ts';
import type { McpRepository } from '../repository.ts';
import { createCodewrightServer } from '../server.ts';

/** Serves until the client closes stdin (or `signal` aborts), then closes the connection and the index. */
export async function serveMcpStdio(repository: McpRepository, options: { logger: Logger; signal?: AbortSignal }): Promise<void> {
  const handle = serveStdio(() => createCodewrightServer(repository, { logger: options.logger }), {
    onerror: (error) => options.logger.warn(`codewright mcp: ${error.message}`),
  });
  await new Promise<void>((resolve) => {
    process.stdin.once('end', resolve);
    process.stdin.once('close', resolve);
    options.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  await handle.close();
  repository.close();
}
