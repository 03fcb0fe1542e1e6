/** Resources: the repository map, the conventions atlas found, and the agent's task runs. */
import { ResourceTemplate, type McpServer, type ReadResourceResult } from '@modelcontextprotocol/server';
import { repositoryConventions } from '../atlas/query/conventions.ts';
import { repositoryMap } from '../atlas/query/map.ts';
import { formatMapText } from '../atlas/query/map-text.ts';
import { CodewrightError } from '../core/errors.ts';
import { formatConventions } from './format/conventions.ts';
import { adviceForClients, withNotes } from './tool-result.ts';
import type { ToolContext } from './tools/tool-context.ts';

function text(uri: URL, mimeType: string, body: string): ReadResourceResult {
  return { contents: [{ uri: uri.href, mimeType, text: body }] };
}

/** Resource reads fail as protocol errors; the message still says what to do. */
async function reading(uri: URL, mimeType: string, body: () => Promise<string>): Promise<ReadResourceResult> {
  try {
    return text(uri, mimeType, await body());
  } catch (error) {
    if (CodewrightError.isInstance(error)) throw new Error(adviceForClients(error.message), { cause: error });
    throw error;
  }
}

/** The agent's runs, newest first, one summary each (the agent layer is loaded only when asked). */
async function taskList(root: string): Promise<string> {
  const { listRuns, summarizeRun } = await import('../agent/run/index.ts');
  const runs = await listRuns(root).catch(() => []);
  return JSON.stringify(runs.map((run) => summarizeRun(run.record)), null, 2);
}

async function taskDetail(root: string, id: string): Promise<string> {
  const { loadRun, summarizeRun } = await import('../agent/run/index.ts');
  const { record, directory } = await loadRun(root, id);
  return JSON.stringify({ ...summarizeRun(record), directory, task: record.task, base: record.base, selection: record.selection, candidates: record.candidates, limits: record.limits, spend: record.spend }, null, 2);
}

/** Registers the resources on `server`. */
export function registerResources(server: McpServer, { repository }: ToolContext): void {
  server.registerResource(
    'repository-map',
    'codewright://map',
    { title: 'Repository map', description: 'Modules, imports between them, entry points, the most depended-on symbols and hot spots.', mimeType: 'text/plain' },
    (uri) => reading(uri, 'text/plain', async () => {
      const { value, notes } = await repository.read((db) => formatMapText(repositoryMap(db, { limit: 20 })));
      return withNotes(notes, value);
    }),
  );
  server.registerResource(
    'conventions',
    'codewright://conventions',
    {
      title: 'Conventions',
      description: 'How this repository is written: languages, module system, test framework and test file names, lint and format configs, naming style, and the internal helpers most code uses.',
      mimeType: 'text/markdown',
    },
    (uri) => reading(uri, 'text/markdown', async () => {
      const { value, notes } = await repository.read((db, root) => formatConventions(repositoryConventions(db, root)));
      return withNotes(notes, value);
    }),
  );
  server.registerResource(
    'tasks',
    'codewright://tasks',
    { title: 'Agent tasks', description: "The codewright agent's task runs in this repository (solve, implement, refactor, ...), newest first.", mimeType: 'application/json' },
    (uri) => reading(uri, 'application/json', () => taskList(repository.root)),
  );
  server.registerResource(
    'task',
    new ResourceTemplate('codewright://tasks/{id}', { list: undefined }),
    { title: 'Agent task', description: 'One task run: the request, candidates, selection, limits and spend.', mimeType: 'application/json' },
    (uri, variables) => reading(uri, 'application/json', () => taskDetail(repository.root, String(variables.id ?? ''))),
  );
}
