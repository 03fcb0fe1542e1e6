/**
 * `npm run bench -- mcp <checkout>`: latency of each query tool of `codewright mcp` over stdio, as a client sees it
 * (request written, response parsed), on real names and files sampled from the checkout's index.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { databasePath, openIndex } from '../../src/atlas/store/database.ts';
import { fixed, percentile, runMeasured, seededRandom } from './measure.ts';

const cli = fileURLToPath(new URL('../../bin/codewright.js', import.meta.url));
const scale = Number(process.env.BENCH_MCP_SCALE ?? 1);

interface Workload {
  tool: string;
  calls: Record<string, unknown>[];
}

function sample<T>(items: readonly T[], count: number, random: () => number): T[] {
  const pool = [...items];
  for (let index = pool.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [pool[index], pool[other]] = [pool[other]!, pool[index]!];
  }
  return pool.slice(0, Math.max(1, Math.round(count * scale)));
}

/** Arguments for every tool, drawn from the index with a fixed seed so runs repeat. */
function workloads(root: string): Workload[] {
  const random = seededRandom(5);
  const db = openIndex(root, { writable: false });
  try {
    const column = <T>(sql: string) => db.prepare(sql).all() as T[];
    const names = column<{ name: string }>("SELECT DISTINCT name FROM symbols WHERE kind IN ('function', 'class', 'interface', 'type', 'method') AND length(name) > 3").map((row) => row.name);
    const callables = column<{ qualified: string }>("SELECT DISTINCT qualified_name AS qualified FROM symbols WHERE kind IN ('function', 'method')").map((row) => row.qualified);
    const files = column<{ path: string }>("SELECT path FROM files WHERE status = 'indexed'").map((row) => row.path);
    const historied = column<{ path: string }>('SELECT DISTINCT path FROM file_commits WHERE path IN (SELECT path FROM files)').map((row) => row.path);
    const subjects = column<{ subject: string }>('SELECT subject FROM commits WHERE is_fix = 1').map((row) => row.subject.replace(/\(#\d+\)|#\d+/g, '').trim()).filter((text) => text.length > 15);
    // Names of two words or more, as a person would search for them (`parser services`).
    const words = names.map((name) => name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()).filter((text) => /^[a-z0-9]+( [a-z0-9]+)+$/.test(text));
    return [
      { tool: 'find', calls: sample(names, 200, random).map((name) => ({ name })) },
      { tool: 'refs', calls: sample(callables, 200, random).map((symbol) => ({ symbol })) },
      { tool: 'outline', calls: sample(files, 200, random).map((path) => ({ path })) },
      { tool: 'callers', calls: sample(callables, 100, random).map((symbol) => ({ symbol })) },
      { tool: 'callees', calls: sample(callables, 100, random).map((symbol) => ({ symbol })) },
      { tool: 'search', calls: sample(words, 100, random).map((text) => ({ text })) },
      { tool: 'locate', calls: sample(subjects.length > 0 ? subjects : words, 50, random).map((description) => ({ description })) },
      { tool: 'history', calls: sample(historied.length > 0 ? historied : files, 50, random).map((target) => ({ target })) },
      { tool: 'map', calls: Array.from({ length: Math.max(1, Math.round(10 * scale)) }, () => ({})) },
      { tool: 'index_status', calls: Array.from({ length: Math.max(1, Math.round(10 * scale)) }, () => ({})) },
      { tool: 'api_lookup', calls: sample(['typescript', 'semver', 'eslint', 'vitest', 'zod', 'commander'].filter((name) => existsSync(`${root}/node_modules/${name}`)), 6, random).map((name) => ({ package: name, limit: 20 })) },
    ];
  } finally {
    db.close();
  }
}

/** Prints p50 and p95 per tool for the server on `root` (indexing it first when it has no index). */
export async function benchMcp(root: string): Promise<void> {
  if (!existsSync(databasePath(root))) {
    const run = runMeasured(process.execPath, [cli, 'index', root, '--no-history']);
    if (run.status !== 0) throw new Error(`index failed: ${run.stderr}`);
  }
  const plan = workloads(root);
  const transport = new StdioClientTransport({ command: process.execPath, args: [cli, 'mcp', '--root', root], stderr: 'inherit' });
  const client = new Client({ name: 'codewright-bench', version: '0.1.0' });
  const started = performance.now();
  await client.connect(transport);
  console.log(`# mcp benchmark: ${root}, stdio, one client, calls in sequence (connect ${fixed(performance.now() - started, 0)} ms)`);
  console.log('| tool | calls | p50 ms | p95 ms | max ms | errors |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const { tool, calls } of plan) {
    if (calls.length === 0) continue;
    // One unmeasured call: the first use of a query compiles its code and fills SQLite's page cache.
    await client.callTool({ name: tool, arguments: calls[0]! });
    const times: number[] = [];
    let errors = 0;
    for (const args of calls) {
      const before = performance.now();
      const result = await client.callTool({ name: tool, arguments: args }, { timeout: 120_000 });
      times.push(performance.now() - before);
      if (result.isError) errors++;
    }
    console.log(`| ${tool} | ${calls.length} | ${fixed(percentile(times, 50))} | ${fixed(percentile(times, 95))} | ${fixed(Math.max(...times))} | ${errors} |`);
  }
  await client.close();
}
