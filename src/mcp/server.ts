/** The codewright MCP server: atlas queries and the evidence engine as tools and resources, for any MCP client. */
import { McpServer } from '@modelcontextprotocol/server';
import type { Logger } from '../core/logger.ts';
import { silentLogger } from '../core/logger.ts';
import type { McpRepository } from './repository.ts';
import { registerResources } from './resources.ts';
import { registerApiTool } from './tools/api-tool.ts';
import { registerCheckTool } from './tools/check-tool.ts';
import { registerIndexTools } from './tools/index-tools.ts';
import { registerRepositoryTools } from './tools/repository-tools.ts';
import { registerSymbolTools } from './tools/symbol-tools.ts';

/** The version the server reports; kept with the CLI's. */
export const serverVersion = '0.1.0';

const instructions = [
  'codewright answers questions about this repository from an index of its code (definitions, references, imports, git history) and proves changes hunk by hunk.',
  'Before reading or calling code you have not seen, use `find`, `outline`, `refs`, `callers` and `callees` instead of guessing; on an unfamiliar task start with `locate` (or the `map` and `conventions` resources).',
  'Before calling a dependency, check the name and signature in the installed version with `api_lookup`.',
  'After editing files, call `index_status` with `refresh: true`; before handing a change over, run `check` and fix hunks marked broken or suspicious.',
  'Paths are relative to the repository root; long answers end with a cursor to fetch the next page.',
].join(' ');

/** Creates a server for `repository` with every tool and resource registered; cheap enough to create per HTTP request. */
export function createCodewrightServer(repository: McpRepository, options: { logger?: Logger } = {}): McpServer {
  const context = { repository, logger: options.logger ?? silentLogger };
  const server = new McpServer({ name: 'codewright', version: serverVersion }, { capabilities: { tools: {}, resources: {} }, instructions });
  registerIndexTools(server, context);
  registerSymbolTools(server, context);
  registerRepositoryTools(server, context);
  registerCheckTool(server, context);
  registerApiTool(server, context);
  registerResources(server, context);
  return server;
}
