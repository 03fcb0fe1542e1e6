/** Turns one model step into trajectory events: the assistant's text, each tool call and its result or error, and usage. */
import type { StepResult, ToolSet } from 'ai';
import type { TrajectoryEvent, Usage } from '../types.ts';

const resultPreview = 2000;

function outputText(output: unknown): string {
  return typeof output === 'string' ? output : JSON.stringify(output);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The events of `step` (numbered from 1), in the order they happened. */
export function stepEvents(step: StepResult<ToolSet>, number: number, usage: Usage): TrajectoryEvent[] {
  const events: TrajectoryEvent[] = [];
  for (const part of step.content) {
    if (part.type === 'text' && part.text.trim() !== '') events.push({ type: 'message', role: 'assistant', step: number, text: part.text });
    else if (part.type === 'tool-call') events.push({ type: 'tool-call', step: number, tool: part.toolName, callId: part.toolCallId, input: part.input });
    else if (part.type === 'tool-result') {
      const text = outputText(part.output);
      events.push({ type: 'tool-result', step: number, tool: part.toolName, callId: part.toolCallId, characters: text.length, output: text.slice(0, resultPreview) });
    } else if (part.type === 'tool-error') {
      events.push({ type: 'tool-result', step: number, tool: part.toolName, callId: part.toolCallId, error: errorText(part.error) });
    }
  }
  events.push({ type: 'usage', step: number, finishReason: step.finishReason, ...usage });
  return events;
}
