/** The MCP adapter: atlas and evidence as tools and resources, over stdio or Streamable HTTP. */
export { createCodewrightServer, serverVersion } from './server.ts';
export { openMcpRepository, type McpRepository } from './repository.ts';
export { serveMcpStdio } from './transports/stdio.ts';
export { serveMcpHttp, httpHost, type RunningHttpServer } from './transports/http-server.ts';
export { createHttpApp, generateToken, mcpPath } from './transports/http-app.ts';
