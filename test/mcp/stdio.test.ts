import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cliPath } from '../helpers/cli.ts';
import type { Fixture } from '../helpers/fixture.ts';
import { brokenReceiptDiff, createShopRepository } from './helpers/shop-repository.ts';
import { exerciseEveryTool } from './helpers/tool-calls.ts';

let fixture: Fixture;
let brokenDiff: string;

beforeAll(() => {
  fixture = createShopRepository();
  brokenDiff = brokenReceiptDiff(fixture);
});
afterAll(() => fixture?.remove());

const { FORCE_COLOR: _force, ...inherited } = process.env;
const environment = { ...inherited, NO_COLOR: '1' } as Record<string, string>;

describe('codewright mcp over stdio', () => {
  test('the built CLI answers every tool through the SDK client', async () => {
    const transport = new StdioClientTransport({ command: process.execPath, args: [cliPath, 'mcp', '--root', fixture.root], env: environment, stderr: 'pipe' });
    const client = new Client({ name: 'codewright-test', version: '1.0.0' });
    await client.connect(transport);
    expect(client.getServerVersion()).toMatchObject({ name: 'codewright', version: '0.1.0' });
    await exerciseEveryTool(client, { brokenDiff });
    await client.close();
  });

  test('writes nothing but JSON-RPC frames to stdout, while building the index, failing and checking', async () => {
    const repository = createShopRepository();
    // More files than the indexer parses in-thread, so building the index starts parse worker threads.
    for (let index = 0; index < 24; index++) repository.write(`src/generated/part-${index}.ts`, `export function part${index}(): number {\n  return ${index};\n}\n`);
    repository.commit('add generated parts');
    const child = spawn(process.execPath, [cliPath, 'mcp', '--root', repository.root], { env: environment, stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: string[] = [];
    const answered = new Set<number>();
    const requests = [
      { method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1.0.0' } } },
      { method: 'tools/call', params: { name: 'index_status', arguments: { refresh: true } } },
      { method: 'tools/call', params: { name: 'find', arguments: { name: 'part7' } } },
      { method: 'tools/call', params: { name: 'outline', arguments: { path: '../../etc/passwd' } } },
      { method: 'tools/call', params: { name: 'find', arguments: { name: 42 } } },
      { method: 'tools/call', params: { name: 'no_such_tool', arguments: {} } },
      { method: 'tools/call', params: { name: 'check', arguments: { patch: brokenDiff, only: ['api', 'lint'] } } },
      { method: 'resources/read', params: { uri: 'codewright://conventions' } },
    ];
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const done = new Promise<void>((resolve) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        stdout.push(line);
        const parsed = JSON.parse(line) as { id?: number };
        if (typeof parsed.id === 'number') answered.add(parsed.id);
        if (answered.size === requests.length) resolve();
      });
    });
    const send = (message: object) => child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
    send({ id: 0, ...requests[0] });
    send({ method: 'notifications/initialized' });
    requests.slice(1).forEach((request, index) => send({ id: index + 1, ...request }));
    await done;
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stdout.length).toBe(requests.length);
    for (const line of stdout) {
      const frame = JSON.parse(line) as Record<string, unknown>;
      expect(frame.jsonrpc).toBe('2.0');
      expect('result' in frame || 'error' in frame || 'method' in frame).toBe(true);
    }
    const byId = new Map(stdout.map((line) => JSON.parse(line) as { id: number; result?: { content?: { text: string }[]; isError?: boolean }; error?: { message: string } }).map((frame) => [frame.id, frame]));
    expect(byId.get(1)?.result?.content?.[0]?.text).toMatch(/refreshed in .* 29 new/);
    expect(byId.get(2)?.result?.content?.[0]?.text).toContain('src/generated/part-7.ts:1-3 function part7');
    expect(byId.get(3)?.result).toMatchObject({ isError: true });
    expect(byId.get(4)?.result?.content?.[0]?.text).toMatch(/Invalid arguments for tool find: name: .*expected string/);
    expect(byId.get(5)?.error?.message).toContain('Tool no_such_tool not found');
    expect(byId.get(6)?.result?.content?.[0]?.text).toContain('suspicious');
    expect(stderr).not.toContain('"jsonrpc"');
    repository.remove();
  });
});
