/** `api_lookup`: what the installed version of a dependency exports, with signatures, so a model checks a name before calling it. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import type { DeclaredName } from '../../evidence/api/describe-export.ts';
import { lookupPackageApi, type PackageApi } from '../../evidence/api/package-api.ts';
import { lookupPythonApi } from '../../evidence/api/python-api.ts';
import { cursorOffset, pageFooter } from '../paginate.ts';
import { runTool } from '../tool-result.ts';
import type { ToolContext } from './tool-context.ts';

const pythonMarkers = ['pyproject.toml', 'setup.py', 'setup.cfg', 'requirements.txt', 'Pipfile'];

/** JavaScript when the repository has a package.json or node_modules, Python when it has Python manifests, else JavaScript. */
function languageOf(root: string, asked: 'javascript' | 'python' | undefined): 'javascript' | 'python' {
  if (asked) return asked;
  if (existsSync(join(root, 'package.json')) || existsSync(join(root, 'node_modules'))) return 'javascript';
  return pythonMarkers.some((name) => existsSync(join(root, name))) ? 'python' : 'javascript';
}

function nameLines(entry: DeclaredName, indent: string): string[] {
  const notes = [entry.deprecated !== undefined ? `DEPRECATED${entry.deprecated ? `: ${entry.deprecated}` : ''}` : '', entry.doc ?? ''].filter(Boolean).join(' — ');
  const signatures = entry.signatures.length > 0 ? entry.signatures : [entry.name];
  return [...signatures.map((signature) => `${indent}${entry.kind} ${signature}`), ...(notes ? [`${indent}    ${notes}`] : [])];
}

/** The lookup as text: the installed version first, then the name asked for (or its absence), then a page of names. */
export function formatPackageApi(api: PackageApi, offset: number): string {
  const head = `${api.package} ${api.version} (installed), module \`${api.module}\`${api.source ? ` from ${api.source}` : ''}`;
  if (api.name && !api.found) {
    const close = api.suggestions.length > 0 ? ` Close names: ${api.suggestions.map((name) => `\`${name}\``).join(', ')}.` : '';
    return `${head}\nNOT FOUND: \`${api.name}\` does not exist in ${api.package} ${api.version}.${close}`;
  }
  const lines = [head];
  if (api.target) lines.push(`\`${api.name}\` exists:`, ...nameLines(api.target, '  '));
  if (api.total > 0) {
    lines.push(api.name ? `members of ${api.name} (${api.total}):` : `exports (${api.total}):`);
    for (const entry of api.names) lines.push(...nameLines(entry, '  '));
    const next = offset + api.names.length;
    const footer = pageFooter({ items: api.names, offset, total: api.total, nextCursor: next < api.total ? String(next) : undefined }, 'names');
    if (footer) lines.push(footer);
  } else if (!api.target) lines.push(`${api.module} exports nothing TypeScript can see.`);
  return lines.join('\n');
}

/** Registers `api_lookup` on `server`. */
export function registerApiTool(server: McpServer, { repository, logger }: ToolContext): void {
  server.registerTool(
    'api_lookup',
    {
      title: 'Look up a dependency API as installed',
      description:
        'What the installed version of a dependency exports, with signatures, deprecations and docs, read from its declarations (TypeScript/JavaScript) or by importing it (Python). Answers "does this function exist in the version we use, and how is it called?" before you write a call. Give `name` (`z.string`, `Command.option`) to check one export and list its members.',
      inputSchema: z.object({
        package: z.string().min(1, 'Give a package or module, e.g. `zod`, `zod/v4` or `requests`.').describe('The package or module as code imports it: `zod`, `@scope/name`, a subpath such as `zod/v4`, or a Python module such as `os.path`.'),
        name: z.string().min(1).optional().describe('A dotted name inside it to look up: `z.string`, `Command.option`. Omit to list all exports.'),
        language: z.enum(['javascript', 'python']).optional().describe('Default: javascript when the repository has a package.json, python when it has Python manifests.'),
        limit: z.number().int().min(1).max(200).optional().describe('Names per page (1-200, default 50).'),
        cursor: z.string().optional().describe('Where to continue: the `cursor` value printed at the end of the previous page.'),
      }),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ package: specifier, name, language, limit, cursor }) =>
      runTool('api_lookup', logger, async () => {
        const offset = cursorOffset(cursor);
        const options = { name, offset, limit: limit ?? 50 };
        const api = languageOf(repository.root, language) === 'python' ? await lookupPythonApi(repository.root, specifier, options) : lookupPackageApi(repository.root, specifier, options);
        return formatPackageApi(api, offset);
      }),
  );
}
