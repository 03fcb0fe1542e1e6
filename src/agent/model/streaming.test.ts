import { isStepCount, streamText, tool } from 'ai';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startScriptedAnthropicServer } from '../../../test/helpers/scripted-anthropic-server.ts';
import { startScriptedOpenAIServer } from '../../../test/helpers/scripted-openai-server.ts';
import type { ScriptedServer, ScriptedTurn } from '../../../test/helpers/scripted-openai-server.ts';
import { scriptedModel } from '../../../test/helpers/scripted-model.ts';
import type { ProviderType } from '../config/index.ts';
import type { Usage } from '../types.ts';
import { modelCallSettings } from './call-settings.ts';
import { addUsage, noUsage, usageFromStep } from './usage.ts';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const turns: ScriptedTurn[] = [
  { text: 'I will read the file first.', toolCalls: [{ name: 'read_file', arguments: { path: 'src/math.ts' } }], usage: { input: 1200, output: 40, cachedInput: 1000 } },
  { text: 'The function adds two numbers.', usage: { input: 1400, output: 12 } },
];

const protocols: [ProviderType, (options: { scripts: Record<string, ScriptedTurn[]> }) => Promise<ScriptedServer>][] = [
  ['openai-compatible', startScriptedOpenAIServer],
  ['openai', startScriptedOpenAIServer],
  ['anthropic', startScriptedAnthropicServer],
];

describe.each(protocols)('a %s model through the scripted server', (type, start) => {
  it('streams text, runs the tool call with parsed arguments, sends the result back, and accounts tokens and cost per step', async () => {
    server = await start({ scripts: { default: turns } });
    const model = scriptedModel(server, { type, pricing: { inputPerMillion: 3, outputPerMillion: 15, cachedInputPerMillion: 0.3 } });
    const reads: string[] = [];
    const perStep: Usage[] = [];
    const result = streamText({
      ...modelCallSettings(model),
      model: model.languageModel,
      system: 'You explain code.',
      prompt: 'What does add do?',
      maxOutputTokens: 512,
      tools: {
        read_file: tool({ description: 'Reads a file', inputSchema: z.object({ path: z.string() }), execute: async ({ path }) => (reads.push(path), 'export const add = (a: number, b: number) => a + b;') }),
      },
      stopWhen: isStepCount(4),
      onStepEnd: (step) => {
        perStep.push(usageFromStep(step.usage, model.pricing));
      },
      onError: () => {},
    });
    const deltas: string[] = [];
    const toolInputDeltas: string[] = [];
    for await (const part of result.fullStream) {
      if (part.type === 'text-delta') deltas.push(part.text);
      if (part.type === 'tool-input-delta') toolInputDeltas.push(part.delta);
    }
    expect(deltas.join('')).toBe('I will read the file first.The function adds two numbers.');
    expect(deltas.length).toBeGreaterThan(4);
    expect(JSON.parse(toolInputDeltas.join(''))).toEqual({ path: 'src/math.ts' });
    expect(reads).toEqual(['src/math.ts']);
    expect(JSON.stringify(server.requests[1])).toContain('export const add');
    expect(perStep.map(({ inputTokens, outputTokens, cachedInputTokens }) => [inputTokens, outputTokens, cachedInputTokens])).toEqual([
      [1200, 40, 1000],
      [1400, 12, 0],
    ]);
    expect(perStep[0]!.cost).toBeCloseTo((200 * 3 + 1000 * 0.3 + 40 * 15) / 1e6, 12);
    expect(perStep[1]!.cost).toBeCloseTo((1400 * 3 + 12 * 15) / 1e6, 12);
    const total = perStep.reduce(addUsage, noUsage);
    expect(total).toMatchObject({ inputTokens: 2600, outputTokens: 52, cachedInputTokens: 1000 });
  });
});
