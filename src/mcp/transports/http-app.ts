/** The Streamable HTTP app: Host and Origin checks against DNS rebinding, a bearer token, then the MCP handler at `/mcp`. */
import { randomBytes } from 'node:crypto';
import {
  createMcpHandler,
  hostHeaderValidationResponse,
  localhostAllowedHostnames,
  localhostAllowedOrigins,
  originValidationResponse,
  type McpHttpHandler,
} from '@modelcontextprotocol/server';
import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import type { Logger } from '../../core/logger.ts';
import type { McpRepository } from '../repository.ts';
import { createCodewrightServer } from '../server.ts';

/** The path the MCP endpoint is served at. */
export const mcpPath = '/mcp';

/** A random token for a server started without one: 256 bits, URL-safe. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

const howToAuthenticate = 'Send `Authorization: Bearer <token>` with the token `codewright mcp --http` printed on stderr (or the one in CODEWRIGHT_MCP_TOKEN).';

/** The app and its MCP handler (closed with the server). */
export interface HttpApp {
  app: Hono;
  handler: McpHttpHandler;
}

/**
 * Builds the app. Requests whose Host is not a loopback name, or whose Origin is a page elsewhere, get 403 (a web page
 * cannot reach the server through DNS rebinding); requests without the right bearer token get 401.
 */
export function createHttpApp(repository: McpRepository, options: { token: string; logger: Logger }): HttpApp {
  const handler = createMcpHandler(() => createCodewrightServer(repository, { logger: options.logger }), {
    onerror: (error) => options.logger.warn(`codewright mcp: ${error.message}`),
  });
  const app = new Hono();
  const hosts = localhostAllowedHostnames();
  const origins = localhostAllowedOrigins();
  app.use('*', async (context, next) => {
    const refused = hostHeaderValidationResponse(context.req.raw, hosts) ?? originValidationResponse(context.req.raw, origins);
    if (refused) return refused;
    await next();
  });
  app.use(
    mcpPath,
    bearerAuth({
      token: options.token,
      noAuthenticationHeader: { message: { error: 'unauthorized', message: `Missing bearer token. ${howToAuthenticate}` } },
      invalidAuthenticationHeader: { message: { error: 'invalid_request', message: `Malformed Authorization header. ${howToAuthenticate}` } },
      invalidToken: { message: { error: 'invalid_token', message: `Wrong bearer token. ${howToAuthenticate}` } },
    }),
  );
  app.all(mcpPath, (context) => handler.fetch(context.req.raw));
  app.notFound((context) => context.json({ error: 'not_found', message: `The MCP endpoint is ${mcpPath}.` }, 404));
  return { app, handler };
}
