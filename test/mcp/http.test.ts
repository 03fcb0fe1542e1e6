import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cliPath } from '../helpers/cli.ts';
import type { Fixture } from '../helpers/fixture.ts';
import { brokenReceiptDiff, createShopRepository } from './helpers/shop-repository.ts';
import { callOk, exerciseEveryTool } from './helpers/tool-calls.ts';

let fixture: Fixture;
let brokenDiff: string;
const servers: ChildProcess[] = [];

/** Starts `codewright mcp --http --port 0` and reads the URL and token it prints on stderr. */
async function startServer(root: string, env: Record<string, string> = {}): Promise<{ url: string; token: string; stderr: () => string }> {
  const { FORCE_COLOR: _force, CODEWRIGHT_MCP_TOKEN: _token, ...inherited } = process.env;
  const child = spawn(process.execPath, [cliPath, 'mcp', '--http', '--port', '0', '--root', root], { env: { ...inherited, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  servers.push(child);
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const url = /serving .* at (http:\/\/\S+)/.exec(stderr)?.[1];
      const token = /token (\S+)/.exec(stderr)?.[1];
      if (url && token && stderr.includes('Ctrl-C')) resolve({ url, token, stderr: () => stderr });
    });
    child.on('exit', (code) => reject(new Error(`codewright mcp --http exited ${code}: ${stderr}`)));
  });
}

async function connect(url: string, token: string): Promise<Client> {
  const client = new Client({ name: 'codewright-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
  return client;
}

const initialize = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1.0.0' } } });
const post = (url: string, headers: Record<string, string>) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers }, body: initialize });

/** A POST with a Host header of our choosing (fetch does not let a caller set Host). */
function postWithHost(url: string, host: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const call = request({ hostname: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { host, authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    call.on('error', reject);
    call.end(initialize);
  });
}

beforeAll(() => {
  fixture = createShopRepository();
  brokenDiff = brokenReceiptDiff(fixture);
});
afterAll(() => {
  for (const server of servers) server.kill('SIGTERM');
  fixture?.remove();
});

describe('codewright mcp --http', () => {
  test('serves every tool on 127.0.0.1 to the SDK client that sends the token', async () => {
    const token = 'test-token-0123456789abcdef';
    const server = await startServer(fixture.root, { CODEWRIGHT_MCP_TOKEN: token });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    expect(server.token).toBe(token);
    const client = await connect(server.url, token);
    await exerciseEveryTool(client, { brokenDiff });
    await client.close();
  });

  test('refuses a missing or wrong token with 401, and a foreign Origin or Host with 403', async () => {
    const server = await startServer(fixture.root);
    expect(server.stderr()).toContain('(generated; set CODEWRIGHT_MCP_TOKEN or --token to keep one across restarts)');
    const missing = await post(server.url, {});
    expect(missing.status).toBe(401);
    expect(await missing.text()).toContain('Missing bearer token. Send `Authorization: Bearer <token>`');
    const wrong = await post(server.url, { authorization: 'Bearer not-the-token-at-all' });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Wrong bearer token.');
    expect((await post(server.url, { authorization: `Bearer ${server.token}`, origin: 'https://evil.example' })).status).toBe(403);
    expect(await postWithHost(server.url, 'evil.example:80', server.token)).toBe(403);
    expect((await post(server.url, { authorization: `Bearer ${server.token}`, origin: 'http://localhost:5173' })).status).toBe(200);
    const client = await connect(server.url, server.token);
    expect(await callOk(client, 'find', { name: 'Cart' })).toContain('src/cart.ts:4-18 class Cart');
    await client.close();
    const child = servers.at(-1)!;
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});
