/** The request options the agent loop passes to `streamText` and `generateText` for a model. */
import type { AgentModel } from '../types.ts';

export interface ModelCallSettings {
  /** Retries on 429, 5xx and dropped connections, with exponential backoff from 2 s that honours `retry-after`. */
  maxRetries: number;
}

/**
 * The call options for `model`. The per-request timeout is not among them: a model from
 * `resolveModel` enforces `requestTimeoutMs` in its own transport (no response, or a stream silent
 * that long, fails the call with a TimeoutError), because the AI SDK's `timeout.stepMs` would also
 * count tool execution and its `firstChunkMs` does not cover the wait for the response.
 */
export function modelCallSettings(model: AgentModel): ModelCallSettings {
  return { maxRetries: model.maxRetries };
}
