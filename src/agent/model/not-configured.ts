/** The error of a model-driven command run with no model configured: how to configure one, locally or with a key. */
import { CodewrightError } from '../../core/errors.ts';

const howTo = [
  'No model is configured. Choose one:',
  '  - a local model with Ollama (no key, nothing leaves your machine):',
  '      ollama pull qwen2.5-coder && codewright solve --model ollama:qwen2.5-coder "describe the issue"',
  '  - a hosted model with a key:',
  '      export ANTHROPIC_API_KEY=...   then   codewright solve --model anthropic:claude-sonnet-4-5 "describe the issue"',
  '      export OPENAI_API_KEY=...      then   codewright solve --model openai:gpt-4.1 "describe the issue"',
  '  - a default for every command: export CODEWRIGHT_MODEL=ollama:qwen2.5-coder, or write codewright.json:',
  '      { "model": "ollama:qwen2.5-coder" }',
  '    (any OpenAI-compatible server: { "model": "local:my-model", "providers": { "local": { "type": "openai-compatible", "baseURL": "http://127.0.0.1:8000/v1" } } })',
  'Then run `codewright models` to check that the model answers.',
].join('\n');

/** MODEL_NOT_CONFIGURED, with the ways to configure a model. */
export function modelNotConfiguredError(): CodewrightError {
  return new CodewrightError({ code: 'MODEL_NOT_CONFIGURED', message: howTo });
}
