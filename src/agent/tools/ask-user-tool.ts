/** `ask_user`: a question with concrete options to the person running the agent, recorded in the trajectory. */
import { randomUUID } from 'node:crypto';
import { tool } from 'ai';
import { z } from 'zod';
import type { UserQuestion } from '../types.ts';
import type { ToolRuntime } from './tool-runtime.ts';

const inputSchema = z.object({
  question: z.string().min(1).describe('One short, concrete question about what the user wants (not about the code, which you can read)'),
  options: z.array(z.string().min(1)).min(1).max(6).describe('2 to 4 concrete choices, the one you would pick first'),
  allowOther: z.boolean().optional().describe('Let the user answer in their own words too (default true)'),
});

type AskInput = z.infer<typeof inputSchema>;

/** Asks, records the question and the answer, and returns the answer for the model. */
export async function askUser(runtime: ToolRuntime, input: AskInput): Promise<string> {
  const question: UserQuestion = {
    id: randomUUID(),
    text: input.question,
    options: input.options,
    allowOther: input.allowOther ?? true,
    source: 'model',
    candidate: runtime.context.workspace.id,
  };
  runtime.record({ type: 'question', question });
  const answer = await runtime.context.asker.ask(question);
  runtime.record({ type: 'answer', questionId: question.id, answer: answer.answer, by: answer.by });
  if (answer.by === 'user') return `the user answered: ${answer.answer}`;
  return `no one answered (non-interactive run); assume: ${answer.answer}. State this assumption in your summary.`;
}

/** The `ask_user` tool. */
export function createAskUserTool(runtime: ToolRuntime) {
  return tool({
    description:
      'Ask the user a question when the task is ambiguous and the choice changes what you build (behaviour, API shape, scope). ' +
      'Give concrete options. Do not ask what you can find out from the code or by running it.',
    inputSchema,
    execute: async (input) => runtime.finish(await askUser(runtime, input)),
  });
}
