/** Serves the MCP HTTP app on 127.0.0.1 only (never another interface). */
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { CodewrightError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import type { McpRepository } from '../repository.ts';
import { createHttpApp, mcpPath } from './http-app.ts';

/** A running HTTP server. */
export interface RunningHttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Loopback only: the endpoint is for coding agents on this machine. */
export const httpHost = '127.0.0.1';

/** Starts listening on `port` (0 picks a free one); resolves once the socket is bound. */
export async function serveMcpHttp(repository: McpRepository, options: { port: number; token: string; logger: Logger }): Promise<RunningHttpServer> {
  const { app, handler } = createHttpApp(repository, options);
  const server = createAdaptorServer({ fetch: app.fetch, hostname: httpHost });
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new CodewrightError({ code: 'INVALID_ARGUMENT', message: `Port ${options.port} on ${httpHost} is in use. Pass another with --port, or --port 0 for a free one.`, cause: error })
          : error,
      );
    };
    server.once('error', onError);
    server.listen(options.port, httpHost, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${httpHost}:${port}${mcpPath}`,
    port,
    async close() {
      await handler.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections of clients would hold the server open.
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await closed;
    },
  };
}
