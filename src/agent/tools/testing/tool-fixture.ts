/** A small git repository as a candidate workspace, a tool context over it, and a way to call tools as the AI SDK does. */
import type { ToolSet } from 'ai';
import { createFixture } from '../../../../test/helpers/fixture.ts';
import type { Fixture } from '../../../../test/helpers/fixture.ts';
import { silentLogger } from '../../../core/logger.ts';
import { defaultCommandPolicy } from '../../safety/command-policy.ts';
import { defaultSecretPolicy } from '../../safety/secret-files.ts';
import type { Asker, ToolContext, TrajectoryEvent, UserAnswer, UserQuestion } from '../../types.ts';
import { createAgentTools } from '../create-agent-tools.ts';
import type { AgentToolsOptions } from '../create-agent-tools.ts';

/** A JavaScript shop: two modules, a node:test test, and package.json running `node --test`. */
export const shopFiles: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'shop', type: 'module', scripts: { test: 'node --test' } }, null, 2),
  'src/cart.js': [
    '/** Sums prices. */',
    'export function total(items) {',
    '  let sum = 0;',
    '  for (const item of items) sum += item.price;',
    '  return sum;',
    '}',
    '',
    'export class Cart {',
    '  constructor() {',
    '    this.items = [];',
    '  }',
    '  add(item) {',
    '    this.items.push(item);',
    '  }',
    '  sum() {',
    '    return total(this.items);',
    '  }',
    '}',
    '',
  ].join('\n'),
  'src/discount.js': [
    "import { total } from './cart.js';",
    '',
    '/** Ten percent off orders over 100. */',
    'export function discounted(items) {',
    '  const sum = total(items);',
    '  return sum > 100 ? sum * 0.9 : sum;',
    '}',
    '',
  ].join('\n'),
  'test/cart.test.js': [
    "import { test } from 'node:test';",
    "import assert from 'node:assert/strict';",
    "import { total } from '../src/cart.js';",
    '',
    "test('total adds prices', () => {",
    '  assert.equal(total([{ price: 2 }, { price: 3 }]), 5);',
    '});',
    '',
  ].join('\n'),
  'README.md': '# shop\n',
};

export interface ToolFixture {
  fixture: Fixture;
  context: ToolContext;
  events: TrajectoryEvent[];
  questions: UserQuestion[];
  tools: ToolSet;
  /** Calls a tool's `execute` the way the AI SDK does and returns its text. */
  call(name: string, input: Record<string, unknown>): Promise<string>;
  remove(): void;
}

/** The fixture repository (committed), a context whose asker answers with `answer`, and its tools. */
export function createToolFixture(
  files: Record<string, string> = shopFiles,
  options: AgentToolsOptions & { answer?: (question: UserQuestion) => UserAnswer; context?: Partial<ToolContext> } = {},
): ToolFixture {
  const fixture = createFixture(files, { git: true });
  const events: TrajectoryEvent[] = [];
  const questions: UserQuestion[] = [];
  const asker: Asker = {
    ask: async (question) => {
      questions.push(question);
      return options.answer?.(question) ?? { questionId: question.id, answer: question.options[0] ?? '', by: 'user' };
    },
  };
  const context: ToolContext = {
    workspace: { id: 'A', root: fixture.root, repositoryRoot: fixture.root, base: fixture.git('rev-parse', 'HEAD').trim() },
    asker,
    commandPolicy: defaultCommandPolicy,
    secretPolicy: defaultSecretPolicy,
    trajectory: { record: (event) => events.push(event) },
    logger: silentLogger,
    ...options.context,
  };
  const tools = createAgentTools(context, options);
  let calls = 0;
  return {
    fixture,
    context,
    events,
    questions,
    tools,
    async call(name, input) {
      const selected = tools[name];
      if (!selected?.execute) throw new Error(`no tool ${name}`);
      const result: unknown = await selected.execute(input as never, { toolCallId: `call-${++calls}`, messages: [], context: {} } as never);
      if (typeof result !== 'string') throw new Error(`tool ${name} returned ${typeof result}, not text`);
      return result;
    },
    remove: () => fixture.remove(),
  };
}
