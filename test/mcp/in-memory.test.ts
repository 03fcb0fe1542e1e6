import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { indexRepository } from '../../src/atlas/index/run-index.ts';
import { databasePath } from '../../src/atlas/store/database.ts';
import { createCodewrightServer, openMcpRepository, type McpRepository } from '../../src/mcp/index.ts';
import { createFixture, type Fixture } from '../helpers/fixture.ts';
import { brokenReceiptDiff, createShopRepository } from './helpers/shop-repository.ts';
import { callOk, callText, exerciseEveryTool } from './helpers/tool-calls.ts';

let fixture: Fixture;
let brokenDiff: string;

/** A client connected to a fresh server over the SDK's in-memory transport. */
async function connect(repository: McpRepository): Promise<Client> {
  const server = createCodewrightServer(repository);
  const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'codewright-test', version: '1.0.0' });
  await client.connect(clientSide);
  return client;
}

beforeAll(() => {
  fixture = createShopRepository();
  brokenDiff = brokenReceiptDiff(fixture);
});
afterAll(() => fixture?.remove());

describe('MCP server in-process', () => {
  test('builds the missing index on first use and says so', async () => {
    const repository = openMcpRepository(fixture.root);
    const client = await connect(repository);
    expect(existsSync(databasePath(fixture.root))).toBe(false);
    const answer = await callOk(client, 'find', { name: 'parsePrice' });
    expect(answer).toMatch(/^Note: The repository had no index: built it first \(5 files, \d+ symbols in [\d.]+ s\)\.\n\nsrc\/format\.ts:7-9 function parsePrice/);
    expect(await callOk(client, 'find', { name: 'parsePrice' })).not.toContain('Note:');
    await client.close();
    repository.close();
  });

  test('answers every tool and resource with the same core queries as the CLI', async () => {
    const repository = openMcpRepository(fixture.root);
    const client = await connect(repository);
    await exerciseEveryTool(client, { brokenDiff });
    await client.close();
    repository.close();
  });

  test('pages long answers with a cursor and marks them truncated', async () => {
    const repository = openMcpRepository(fixture.root);
    const client = await connect(repository);
    const first = await callOk(client, 'outline', { path: 'src/cart.ts', limit: 2 });
    expect(first).toBe('src/cart.ts (typescript)\nclass Cart 4-18\n  property items 5-5 (local)\n[showing lines 1-2 of 5. Truncated: call again with cursor "2" for more lines.]');
    const last = await callOk(client, 'outline', { path: 'src/cart.ts', limit: 2, cursor: '4' });
    expect(last).toBe('src/cart.ts (typescript)\n  method total 15-17\n[showing lines 5-5 of 5 (last page)]');
    const bad = await callText(client, 'outline', { path: 'src/cart.ts', cursor: 'next' });
    expect(bad).toEqual({ isError: true, text: 'cursor `next` is not one this server printed. Pass the cursor value from the end of the previous page, or omit it for the first page.' });
    await client.close();
    repository.close();
  });

  test('refuses invalid arguments with a message that says how to fix the call', async () => {
    const repository = openMcpRepository(fixture.root);
    const client = await connect(repository);
    const empty = await callText(client, 'find', { name: '' });
    expect(empty.isError).toBe(true);
    expect(empty.text).toContain('name: Give the name to look for, e.g. `parseConfig` or `Config.parse`.');
    const wrongType = await callText(client, 'refs', { symbol: 'formatPrice', limit: 'all' });
    expect(wrongType.isError).toBe(true);
    expect(wrongType.text).toMatch(/limit: .*expected number/);
    const unknownKind = await callText(client, 'find', { name: 'Cart', kind: 'klass' });
    expect(unknownKind.text).toMatch(/kind: Invalid option: expected one of "function"\|"method"\|"class"/);
    const missing = await callText(client, 'refs', { symbol: 'formatPrise' });
    expect(missing).toEqual({
      isError: true,
      text: 'No definition matches `formatPrise`. Close names: `formatPrice` (function, src/format.ts:2); call again with one of them. If the code is new, call `index_status` with `refresh: true` first.',
    });
    const notIndexed = await callText(client, 'outline', { path: 'README.md' });
    expect(notIndexed.text).toBe('README.md is not in the index. Give a path relative to the repository root (see the `index_status` tool), or re-run the `index_status` tool with `refresh: true`.');
    await client.close();
    repository.close();
  });

  test('refuses paths outside the repository: `..`, absolute paths elsewhere and escaping symlinks', async () => {
    const outside = createFixture({ 'secret.ts': 'export const secret = 1;\n' });
    symlinkSync(outside.root, join(fixture.root, 'linked'));
    const repository = openMcpRepository(fixture.root);
    const client = await connect(repository);
    const refused = (path: string) => `\`${path}\` is outside the repository ${fixture.root}. Give a path inside it, relative to the repository root (e.g. \`src/index.ts\`).`;
    expect(await callText(client, 'outline', { path: '../secret.ts' })).toEqual({ isError: true, text: refused('../secret.ts') });
    expect(await callText(client, 'outline', { path: join(outside.root, 'secret.ts') })).toEqual({ isError: true, text: refused(join(outside.root, 'secret.ts')) });
    expect(await callText(client, 'outline', { path: 'linked/secret.ts' })).toEqual({ isError: true, text: refused('linked/secret.ts') });
    expect(await callText(client, 'history', { target: 'src/../../x.ts' })).toEqual({ isError: true, text: refused('src/../../x.ts') });
    expect(await callText(client, 'refs', { symbol: '/etc/passwd:1' })).toEqual({ isError: true, text: refused('/etc/passwd') });
    expect(await callText(client, 'check', { patch_file: '../change.diff' })).toEqual({ isError: true, text: refused('../change.diff') });
    expect(await callOk(client, 'outline', { path: join(fixture.root, 'src/format.ts') })).toMatch(/^src\/format\.ts \(typescript\)/);
    await client.close();
    repository.close();
    outside.remove();
  });

  test('concurrent calls, refreshes included, all answer correctly', async () => {
    const repository = openMcpRepository(fixture.root);
    const client = await connect(repository);
    fixture.write('src/discount.ts', "import { formatPrice } from './format.ts';\nexport function discountLabel(cents: number): string {\n  return formatPrice(cents * 0.9);\n}\n");
    const calls = await Promise.all([
      callOk(client, 'index_status', { refresh: true }),
      callOk(client, 'find', { name: 'formatPrice' }),
      callOk(client, 'index_status', { refresh: true }),
      callOk(client, 'outline', { path: 'src/cart.ts' }),
      callOk(client, 'refs', { symbol: 'Cart.total' }),
      callOk(client, 'search', { text: 'items' }),
      callOk(client, 'map'),
      callOk(client, 'history', { target: 'src/cart.ts' }),
    ]);
    expect(calls[0]).toMatch(/^refreshed in [\d.]+ s: 1 files parsed, \d+ unchanged, 1 new, 0 removed/);
    expect(calls[2]).toBe(calls[0]);
    expect(calls[1]).toContain('src/format.ts:2-4 function formatPrice');
    expect(calls[3]).toContain('class Cart 4-18');
    expect(calls[4]).toContain('src/cart.ts:12:');
    expect(await callOk(client, 'find', { name: 'discountLabel' })).toContain('src/discount.ts:2-4 function discountLabel');
    await client.close();
    repository.close();
  });

  test('a refresh told the changed files looks only at them, also while another refresh runs', async () => {
    const shop = createShopRepository();
    const repository = openMcpRepository(shop.root);
    const client = await connect(repository);
    await callOk(client, 'index_status', { refresh: true });
    shop.write('src/format.ts', `${readFileSync(join(shop.root, 'src/format.ts'), 'utf8')}\nexport function formatCents(cents: number): string {\n  return String(cents);\n}\n`);
    const [full, told] = await Promise.all([
      callOk(client, 'index_status', { refresh: true, history: false }),
      callOk(client, 'index_status', { refresh: true, history: false, changed: ['src/format.ts'] }),
    ]);
    expect(full).toMatch(/; files: listed by git\n/);
    // The second ran after the first, which had already re-read the file: nothing left to parse.
    expect(told).toMatch(/^refreshed in [\d.]+ s: 0 files parsed, 0 unchanged, 0 new, 0 removed; history: skipped \(--no-history\); files: changed paths only\n/);
    shop.write('src/format.ts', `${readFileSync(join(shop.root, 'src/format.ts'), 'utf8')}\nexport const zero = formatCents(0);\n`);
    expect(await callOk(client, 'index_status', { refresh: true, history: false, changed: ['src/format.ts'] })).toMatch(/: 1 files parsed, .*; files: changed paths only\n/);
    expect(await callOk(client, 'find', { name: 'zero' })).toContain('src/format.ts');
    await client.close();
    repository.close();
    shop.remove();
  });

  test('calls that arrive before the first index exists share one build and all answer', async () => {
    const shop = createShopRepository();
    const repository = openMcpRepository(shop.root);
    const client = await connect(repository);
    const answers = await Promise.all([
      callOk(client, 'find', { name: 'formatPrice' }),
      callOk(client, 'outline', { path: 'src/cart.ts' }),
      callOk(client, 'refs', { symbol: 'Cart.add' }),
      callOk(client, 'index_status'),
    ]);
    const notes = answers.map((answer) => /^Note: .*$/m.exec(answer)?.[0]);
    expect(new Set(notes).size).toBe(1);
    expect(notes[0]).toMatch(/^Note: The repository had no index: built it first \(5 files/);
    expect(answers[1]).toContain('class Cart 4-18');
    expect(answers[3]).toContain('freshness: up to date');
    await client.close();
    repository.close();
    shop.remove();
  });

  test('picks up an index rebuilt by another process', async () => {
    const repository = openMcpRepository(fixture.root);
    const client = await connect(repository);
    expect(await callOk(client, 'find', { name: 'Cart' })).toContain('class Cart');
    fixture.write('src/wallet.ts', 'export class Wallet {\n  #cents = 0;\n  #add(cents: number): void {\n    this.#cents += cents;\n  }\n  pay(cents: number): void {\n    this.#add(-cents);\n  }\n}\n');
    await indexRepository(fixture.root, { rebuild: true, history: false });
    expect(await callOk(client, 'find', { name: 'Wallet' })).toContain('src/wallet.ts:1-9 class Wallet');
    expect(await callOk(client, 'callers', { symbol: 'Wallet.#add' })).toContain('Wallet.pay in src/wallet.ts\n    src/wallet.ts:7 this.#add(-cents);');
    await client.close();
    repository.close();
  });

  test('lists the agent\'s task runs and reads one', async () => {
    const id = '20260101-120000-solve';
    const record = {
      version: 1, id, task: { family: 'solve', text: 'Labels show one decimal' }, model: 'openai:gpt-test', base: 'abc123', head: null,
      startedAt: '2026-01-01T12:00:00.000Z', endedAt: '2026-01-01T12:05:00.000Z', status: 'done', owner: { pid: 1, hostname: 'elsewhere' },
      limits: { candidates: 2 }, candidates: [{ id: 'A', status: 'done' }, { id: 'B', status: 'max-steps' }], selected: 'A', selection: 'A passed its tests',
      spend: { inputTokens: 1200, outputTokens: 300, cachedInputTokens: 0, cost: 0.02, milliseconds: 300000 }, applications: [],
    };
    fixture.write(`.codewright/runs/${id}/run.json`, JSON.stringify(record));
    const repository = openMcpRepository(fixture.root);
    const client = await connect(repository);
    const list = await client.readResource({ uri: 'codewright://tasks' });
    expect(JSON.parse((list.contents[0] as { text: string }).text)).toEqual([
      expect.objectContaining({ id, family: 'solve', text: 'Labels show one decimal', status: 'done', selected: 'A', tokens: 1500 }),
    ]);
    const one = await client.readResource({ uri: `codewright://tasks/${id}` });
    expect(JSON.parse((one.contents[0] as { text: string }).text)).toMatchObject({ id, selection: 'A passed its tests', candidates: [{ id: 'A' }, { id: 'B', status: 'max-steps' }] });
    await expect(client.readResource({ uri: 'codewright://tasks/nothing-here' })).rejects.toThrow(/There is no run `nothing-here` in .*the `codewright:\/\/tasks` resource to list them/);
    await client.close();
    repository.close();
  });

  test('reports a folder that is neither indexed nor a repository instead of indexing it', async () => {
    const folder = join(tmpdir(), `codewright-not-a-repository-${process.pid}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'notes.ts'), 'export const a = 1;\n');
    const repository = openMcpRepository(folder);
    const client = await connect(repository);
    for (const [name, args] of [['find', { name: 'a' }], ['index_status', { refresh: true }]] as const) {
      const answer = await callText(client, name, args);
      expect(answer).toEqual({
        isError: true,
        text: `${folder} is not a git repository and has no codewright index. Start the server in a repository (codewright mcp --root <repository>), or index this folder anyway from a shell: codewright index ${folder}`,
      });
    }
    expect(existsSync(databasePath(folder))).toBe(false);
    await client.close();
    repository.close();
  });
});
