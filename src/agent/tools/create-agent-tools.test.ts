import { generateText, isStepCount } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';
import { afterEach, describe, expect, it } from 'vitest';
import { readOnlyToolFamilies } from './create-agent-tools.ts';
import { cutMiddle } from './cut-text.ts';
import { createToolFixture, shopFiles } from './testing/tool-fixture.ts';
import type { ToolFixture } from './testing/tool-fixture.ts';

let shop: ToolFixture | undefined;
afterEach(() => shop?.remove());

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 5, text: 5, reasoning: undefined },
};

describe('createAgentTools', () => {
  it('offers every tool by default, each with a description and an input schema', () => {
    shop = createToolFixture();
    expect(Object.keys(shop.tools).sort()).toEqual(
      ['ask_user', 'callers', 'check', 'edit', 'find', 'history', 'locate', 'map', 'outline', 'read', 'refs', 'run', 'search', 'test', 'write'].sort(),
    );
    for (const entry of Object.values(shop.tools)) {
      expect(typeof entry.description === 'string' && entry.description.length > 40).toBe(true);
      expect(entry.inputSchema).toBeDefined();
    }
  });

  it('offers only the tools of the enabled families', () => {
    shop = createToolFixture(shopFiles, { families: readOnlyToolFamilies });
    expect(Object.keys(shop.tools).sort()).toEqual(['ask_user', 'callers', 'find', 'history', 'locate', 'map', 'outline', 'read', 'refs', 'search']);
  });

  it('cuts results to the context limit, keeping head and tail with a note', async () => {
    const long = Array.from({ length: 300 }, (_, index) => `export const value${index + 1} = ${index + 1};`).join('\n');
    shop = createToolFixture({ ...shopFiles, 'src/long.js': `${long}\n` }, { context: { resultLimit: 1_500 } });
    const text = await shop.call('read', { path: 'src/long.js' });
    expect(text.length).toBeLessThanOrEqual(1_500);
    expect(text).toMatch(/^src\/long\.js \(300 lines\)\n {2}1 {2}export const value1 = 1;/);
    expect(text).toContain('300  export const value300 = 300;');
    expect(text).toMatch(/\n\[\.\.\. \d+ lines cut; narrow with startLine\/endLine\]\n/);
  });

  it('works as the AI SDK calls it: the model sees the schemas, the tool result goes back', async () => {
    shop = createToolFixture();
    const model = new MockLanguageModelV4({
      doGenerate: [
        { content: [{ type: 'tool-call', toolCallId: 'call-1', toolName: 'read', input: JSON.stringify({ path: 'src/discount.js', startLine: 4, endLine: 5 }) }], finishReason: { unified: 'tool-calls', raw: undefined }, usage, warnings: [] },
        { content: [{ type: 'text', text: 'done' }], finishReason: { unified: 'stop', raw: undefined }, usage, warnings: [] },
      ],
    });
    const result = await generateText({ model, tools: shop.tools, prompt: 'look', stopWhen: isStepCount(3) });
    expect(result.text).toBe('done');
    const offered = model.doGenerateCalls[0]?.tools ?? [];
    const read = offered.find((entry) => entry.type === 'function' && entry.name === 'read');
    expect(JSON.stringify(read)).toContain('startLine');
    const toolResults = result.steps[0]?.toolResults ?? [];
    expect(toolResults[0]?.output).toBe('src/discount.js (lines 4-5 of 7)\n4  export function discounted(items) {\n5    const sum = total(items);');
  });
});

describe('cutMiddle', () => {
  it('keeps short text whole', () => {
    expect(cutMiddle('short', 100, 'narrow')).toBe('short');
  });

  it('counts characters when a single long line is cut', () => {
    const text = cutMiddle('x'.repeat(5_000), 1_000, 'narrow the query');
    expect(text).toMatch(/^x+\n\[\.\.\. [\d,]+ characters cut; narrow the query\]\nx+$/);
    expect(text.length).toBeLessThanOrEqual(1_000);
  });
});
