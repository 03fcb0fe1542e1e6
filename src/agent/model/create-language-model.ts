/** Builds the AI SDK language model for a provider's settings: OpenAI-compatible chat, OpenAI chat, or Anthropic messages. */
import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import type { ProviderSettings } from '../config/index.ts';

export interface LanguageModelOptions {
  apiKey?: string;
  /** Headers with their `${VARIABLE}` references filled. */
  headers: Record<string, string>;
  fetch: typeof fetch;
}

/**
 * The model `modelId` at `settings.baseURL`. OpenAI goes through the Chat Completions API, the one
 * every OpenAI-compatible server speaks too; OpenAI-compatible servers are asked for token usage
 * in streams (`stream_options.include_usage`), which cost accounting needs.
 */
export function createLanguageModel(settings: ProviderSettings, modelId: string, options: LanguageModelOptions): LanguageModel {
  const common = { baseURL: settings.baseURL, headers: options.headers, fetch: options.fetch };
  switch (settings.type) {
    case 'openai-compatible':
      return createOpenAICompatible({ ...common, name: settings.name, includeUsage: true, ...(options.apiKey ? { apiKey: options.apiKey } : {}) }).chatModel(modelId);
    case 'openai':
      return createOpenAI({ ...common, apiKey: options.apiKey ?? '' }).chat(modelId);
    case 'anthropic':
      return createAnthropic({ ...common, apiKey: options.apiKey ?? '' }).messages(modelId);
  }
}
