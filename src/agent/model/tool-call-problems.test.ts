import { InvalidToolInputError, isStepCount, JSONParseError, NoSuchToolError, streamText, tool, TypeValidationError } from 'ai';
import type { TextStreamPart, ToolSet } from 'ai';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startScriptedAnthropicServer } from '../../../test/helpers/scripted-anthropic-server.ts';
import { startScriptedOpenAIServer } from '../../../test/helpers/scripted-openai-server.ts';
import type { ScriptedServer, ScriptedToolCall } from '../../../test/helpers/scripted-openai-server.ts';
import { scriptedModel } from '../../../test/helpers/scripted-model.ts';
import { describeToolCallProblem } from './describe-tool-call-problem.ts';
import type { ToolCallProblem } from './describe-tool-call-problem.ts';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Part = TextStreamPart<ToolSet>;

/** Sends one scripted tool call, then a closing text; returns the stream's tool parts, what ran, and the next request. */
async function callOnce(start: typeof startScriptedOpenAIServer, type: 'openai-compatible' | 'anthropic', call: ScriptedToolCall) {
  server = await start({ scripts: { default: [{ toolCalls: [call] }, { text: 'Sorry, retrying.' }] } });
  const model = scriptedModel(server, { type });
  const ran: unknown[] = [];
  const result = streamText({
    model: model.languageModel,
    prompt: 'Read the config.',
    maxOutputTokens: 256,
    tools: {
      read_file: tool({ inputSchema: z.object({ path: z.string(), startLine: z.number().int().optional() }), execute: async (input) => (ran.push(input), 'contents') }),
      list_files: tool({ inputSchema: z.object({ directory: z.string() }), execute: async (input) => (ran.push(input), []) }),
    },
    stopWhen: isStepCount(3),
    onError: () => {},
  });
  const parts: Part[] = [];
  for await (const part of result.fullStream) if (part.type === 'tool-call' || part.type === 'tool-error' || part.type === 'tool-result') parts.push(part);
  const call0 = parts.find((part) => part.type === 'tool-call') as Extract<Part, { type: 'tool-call' }> & { invalid?: boolean; error?: unknown };
  const toolError = parts.find((part) => part.type === 'tool-error') as Extract<Part, { type: 'tool-error' }> | undefined;
  return { call: call0, toolError, ran, next: JSON.stringify(server.requests[1]) };
}

describe.each([
  ['openai-compatible', startScriptedOpenAIServer],
  ['anthropic', startScriptedAnthropicServer],
] as const)('malformed tool calls over %s', (type, start) => {
  it('arguments that are not JSON: an invalid tool-call with InvalidToolInputError (JSONParseError), a tool-error, nothing run', async () => {
    const { call, toolError, ran, next } = await callOnce(start, type, { name: 'read_file', arguments: '{"path": "config.json", ' });
    expect(call.invalid).toBe(true);
    expect(InvalidToolInputError.isInstance(call.error) && JSONParseError.isInstance(call.error.cause)).toBe(true);
    expect(toolError?.error).toMatch(/^AI_InvalidToolInputError: Invalid input for tool read_file: AI_JSONParseError/);
    expect(ran).toEqual([]);
    expect(next).toContain('AI_JSONParseError');
    const advice = describeToolCallProblem(call);
    expect(advice).toMatch(/^The arguments of your call to "read_file" are not valid JSON \(.+\)\. You sent: \{"path": "config\.json", \. Call "read_file" again with the arguments as one complete JSON object/);
    expect(describeToolCallProblem(toolError as ToolCallProblem)).toMatch(/^The arguments of your call to "read_file" are not valid JSON/);
  });

  it('an unknown tool name: an invalid tool-call with NoSuchToolError, advice that lists the tools', async () => {
    const { call, toolError, ran } = await callOnce(start, type, { name: 'delete_everything', arguments: { path: '/' } });
    expect(call.invalid).toBe(true);
    expect(NoSuchToolError.isInstance(call.error)).toBe(true);
    expect(toolError?.error).toBe("AI_NoSuchToolError: Model tried to call unavailable tool 'delete_everything'. Available tools: read_file, list_files.");
    expect(ran).toEqual([]);
    const expected = 'There is no tool named "delete_everything". Call one of these tools by its exact name: read_file, list_files.';
    expect(describeToolCallProblem(call)).toBe(expected);
    expect(describeToolCallProblem(toolError as ToolCallProblem)).toBe(expected);
  });

  it('arguments that fail the zod schema: InvalidToolInputError (TypeValidationError), advice field by field', async () => {
    const { call, toolError, ran } = await callOnce(start, type, { name: 'read_file', arguments: { path: 42, startLine: 1.5 } });
    expect(call.invalid).toBe(true);
    expect(InvalidToolInputError.isInstance(call.error) && TypeValidationError.isInstance(call.error.cause)).toBe(true);
    expect(ran).toEqual([]);
    const expected =
      'The arguments of your call to "read_file" do not fit its parameters: path: Invalid input: expected string, received number; startLine: Invalid input: expected int, received number. You sent: {"path":42,"startLine":1.5}. Call "read_file" again with these fields corrected.';
    expect(describeToolCallProblem(call)).toBe(expected);
    expect(describeToolCallProblem(toolError as ToolCallProblem)).toBe(expected);
  });
});

describe('describeToolCallProblem', () => {
  it('passes on what a tool threw, and names the tools given when the error does not', () => {
    expect(describeToolCallProblem({ type: 'tool-error', toolName: 'run', error: new Error('npm: command not found') })).toBe(
      'The tool "run" failed: npm: command not found. Fix the cause and call it again, or take another approach.',
    );
    expect(describeToolCallProblem({ type: 'tool-call', toolName: 'x', error: new NoSuchToolError({ toolName: 'x' }), invalid: true }, ['read_file'])).toBe(
      'There is no tool named "x". Call one of these tools by its exact name: read_file.',
    );
  });
});
