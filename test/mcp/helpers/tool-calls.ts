/** Calling tools through an SDK client and reading their text, and the check of every tool shared by the transport tests. */
import type { Client } from '@modelcontextprotocol/client';
import { expect } from 'vitest';

/** The text of a tool result and whether it is a tool error. */
export interface ToolAnswer {
  text: string;
  isError: boolean;
}

/** Calls `name` with `args` and returns its text. */
export async function callText(client: Client, name: string, args: Record<string, unknown> = {}): Promise<ToolAnswer> {
  const result = await client.callTool({ name, arguments: args });
  const text = (result.content as { type: string; text?: string }[]).map((block) => block.text ?? '').join('\n');
  return { text, isError: result.isError === true };
}

/** Like callText, failing the test when the tool reports an error. */
export async function callOk(client: Client, name: string, args: Record<string, unknown> = {}): Promise<string> {
  const answer = await callText(client, name, args);
  if (answer.isError) throw new Error(`${name} failed: ${answer.text}`);
  return answer.text;
}

export const toolNames = ['api_lookup', 'callees', 'callers', 'check', 'find', 'history', 'index_status', 'locate', 'map', 'outline', 'refs', 'search'];

/** Calls every tool and reads every resource on the shop repository, checking each answer. */
export async function exerciseEveryTool(client: Client, options: { brokenDiff: string; files?: number }): Promise<void> {
  const { tools } = await client.listTools();
  expect(tools.map((tool) => tool.name).sort()).toEqual(toolNames);
  for (const tool of tools) expect(tool.description?.length ?? 0).toBeGreaterThan(60);

  expect(await callOk(client, 'index_status')).toMatch(new RegExp(`files: indexed ${options.files ?? 5}[\\s\\S]*freshness: up to date`));
  expect(await callOk(client, 'find', { name: 'formatPrice' })).toContain('src/format.ts:2-4 function formatPrice\n    function formatPrice(cents: number): string');

  const refs = await callOk(client, 'refs', { symbol: 'formatPrice' });
  expect(refs).toContain('definition: src/format.ts:2-4 function formatPrice');
  expect(refs).toMatch(/src\/cart\.ts:12:12 \[call\] return formatPrice\(this\.total\(\)\); \(in Cart\.label\)/);
  expect(refs).toMatch(/src\/receipt\.ts:4:\d+ \[call\] .*formatPrice\(cents\).* \(in receiptLine\)/);

  const callers = await callOk(client, 'callers', { symbol: 'formatPrice' });
  expect(callers).toContain('2 callers:');
  expect(callers).toContain('Cart.label in src/cart.ts\n    src/cart.ts:12 return formatPrice(this.total());');
  expect(callers).toContain('receiptLine in src/receipt.ts');

  const callees = await callOk(client, 'callees', { symbol: 'Cart.label' });
  expect(callees).toContain('line 12 formatPrice -> formatPrice src/format.ts:2');
  expect(callees).toMatch(/line 12 this\.total -> Cart\.total src\/cart\.ts:15/);

  expect(await callOk(client, 'outline', { path: 'src/cart.ts' })).toBe(
    'src/cart.ts (typescript)\nclass Cart 4-18\n  property items 5-5 (local)\n  method add 7-9\n  method label 11-13\n  method total 15-17',
  );
  expect(await callOk(client, 'search', { text: 'parse price' })).toMatch(/^src\/format\.ts:7-9 parsePrice/);
  expect(await callOk(client, 'locate', { description: 'formatPrice shows the wrong number of decimals' })).toMatch(/^1\. src\/format\.ts \(score/);
  const map = await callOk(client, 'map');
  expect(map).toMatch(/^modules\n {2}src +\d+ files/);
  expect(map).toContain('most depended-on symbols\n  formatPrice function, src/format.ts:2, imported by 2 files');
  expect(map).toContain('  src/format.ts 2 commits, churn 11, 1 fixes');

  const history = await callOk(client, 'history', { target: 'src/format.ts' });
  expect(history).toMatch(/^src\/format\.ts: 2 commits, .* 1 fixes/);
  expect(history).toContain('fix: show two decimals in formatPrice (#42)');

  const check = await callOk(client, 'check', { patch: options.brokenDiff, only: ['api'] });
  expect(check).toMatch(/^1 hunk broken or suspicious: fix them before handing the change over\./);
  expect(check).toMatch(/check the patch argument against [0-9a-f]{12} \(intent: refactor, inferred: .*give `intent: "fix"` if it should change behaviour\)/);
  expect(check).toContain('src/receipt.ts modified\n  suspicious lines 1-5 receiptLine');
  expect(check).toContain("imports `formatPrise` from `./format.ts`, which src/format.ts does not export; did you mean `formatPrice`?");

  const api = await callOk(client, 'api_lookup', { package: 'money-kit', name: 'roundCents' });
  expect(api).toBe(
    'money-kit 2.3.1 (installed), module `money-kit` from index.d.ts\n`roundCents` exists:\n  function roundCents(cents: number, step?: number): number\n  function roundCents(cents: bigint): bigint\n      Rounds cents to a step.',
  );
  expect(await callOk(client, 'api_lookup', { package: 'money-kit', name: 'roundCent' })).toContain('NOT FOUND: `roundCent` does not exist in money-kit 2.3.1. Close names: `roundCents`.');

  const { resources } = await client.listResources();
  expect(resources.map((resource) => resource.uri).sort()).toEqual(['codewright://conventions', 'codewright://map', 'codewright://tasks']);
  const conventions = await client.readResource({ uri: 'codewright://conventions' });
  const conventionsText = (conventions.contents[0] as { text: string }).text;
  expect(conventionsText).toContain('## Tests\n- frameworks: vitest\n- 1 test files, beside the code\n- file names: `*.test.ts` (1)');
  expect(conventionsText).toContain('## Most-used internal helpers (prefer them over new code)\n- `function formatPrice(cents: number): string` in src/format.ts:2, imported by 2 files');
  const mapResource = await client.readResource({ uri: 'codewright://map' });
  expect((mapResource.contents[0] as { text: string }).text).toMatch(/^modules\n/);
  const tasks = await client.readResource({ uri: 'codewright://tasks' });
  expect(JSON.parse((tasks.contents[0] as { text: string }).text)).toEqual([]);
}
