/** Turns what a provider call threw (AI SDK errors, timeouts, refused connections) into a CodewrightError that says what to do. */
import { APICallError, InvalidToolInputError, LoadAPIKeyError, NoSuchToolError, RetryError } from 'ai';
import { CodewrightError } from '../../core/errors.ts';
import type { ErrorCode } from '../../core/errors.ts';
import { builtinProviders } from '../config/index.ts';
import type { AgentModel } from '../types.ts';
import { describeToolCallProblem } from './describe-tool-call-problem.ts';

/** What the messages need to know about the model. */
export type ModelForMessages = Pick<AgentModel, 'id' | 'provider' | 'modelId'> & Partial<Pick<AgentModel, 'requestTimeoutMs' | 'maxRetries' | 'baseURL' | 'apiKeyEnv'>>;

const networkCodes: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the host name did not resolve',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'the connection timed out',
  EPIPE: 'the connection closed',
  UND_ERR_SOCKET: 'the connection closed',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
};

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current !== undefined && current !== null && chain.length < 6; current = (current as { cause?: unknown }).cause) chain.push(current);
  return chain;
}

function networkCode(error: unknown): string | undefined {
  for (const item of causes(error)) {
    const code = (item as { code?: unknown }).code;
    if (typeof code === 'string' && Object.hasOwn(networkCodes, code)) return code;
    const nested = (item as { errors?: unknown }).errors;
    if (Array.isArray(nested)) for (const inner of nested) if (typeof inner?.code === 'string' && Object.hasOwn(networkCodes, inner.code)) return inner.code as string;
  }
  return undefined;
}

/** Node's fetch gives up on its own after 300 s without headers or body bytes. */
const fetchTimeoutCodes = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

function abortOf(error: unknown): Error | undefined {
  return causes(error).find(
    (item): item is Error => item instanceof Error && (item.name === 'TimeoutError' || item.name === 'AbortError' || fetchTimeoutCodes.has(String((item as { code?: unknown }).code))),
  );
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim().slice(0, 400);
}

/**
 * A CodewrightError for `error` thrown by (or streamed from) a call to `model`: MODEL_AUTH (401,
 * 403), MODEL_NOT_FOUND (404), MODEL_RATE_LIMITED (429 after the retries), MODEL_UNAVAILABLE (5xx
 * after the retries), MODEL_TIMEOUT (no answer in time, or aborted), MODEL_UNREACHABLE (no
 * connection), MODEL_KEY_MISSING, else MODEL_FAILED. A RetryError is unwrapped to its last error;
 * `data.attempts` counts the requests made.
 */
export function describeModelError(error: unknown, model: ModelForMessages): CodewrightError {
  if (CodewrightError.isInstance(error)) return error;
  const last = RetryError.isInstance(error) ? error.lastError : error;
  const attempts = RetryError.isInstance(error) ? error.errors.length : 1;
  const where = model.baseURL ?? 'its endpoint';
  const status = APICallError.isInstance(last) ? last.statusCode : undefined;
  const said = messageOf(last);
  const build = (code: ErrorCode, message: string) =>
    new CodewrightError({ code, message, data: { model: model.id, attempts, ...(status !== undefined ? { status } : {}) }, cause: error });
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';

  const aborted = abortOf(last);
  if (aborted || status === 408) {
    const seconds = model.requestTimeoutMs ? `${Number((model.requestTimeoutMs / 1000).toFixed(1))} s` : 'the time allowed';
    if (aborted?.name === 'AbortError') return build('MODEL_TIMEOUT', `The call to ${model.id} was stopped before it answered (${said}).`);
    return build('MODEL_TIMEOUT', `${model.id} gave no answer within ${seconds} (${said}). Raise "requestTimeoutSeconds" in codewright.json, or choose a faster model with --model.`);
  }
  if (status === 401 || status === 403) {
    const check = model.apiKeyEnv
      ? `Check ${model.apiKeyEnv}: it must hold a valid key for ${where} (export ${model.apiKeyEnv}=...).`
      : `The endpoint asks for a key: add "apiKeyEnv": "MY_KEY" to providers.${model.provider} in codewright.json and export MY_KEY.`;
    return build('MODEL_AUTH', `${model.provider} refused the key (${status}: ${said}). ${check}`);
  }
  if (status === 404) {
    const pull = model.provider === 'ollama' ? `; download it with \`ollama pull ${model.modelId}\`` : '';
    return build('MODEL_NOT_FOUND', `${model.id} was not found at ${where} (404: ${said}). Check the model name${pull}; \`codewright models\` shows what is configured.`);
  }
  if (status === 429) {
    return build('MODEL_RATE_LIMITED', `${model.id} is rate-limited (429${tries}: ${said}). Wait a minute and run again, run fewer --candidates, or raise "maxRetries" in codewright.json.`);
  }
  if (status !== undefined && status >= 500) {
    return build('MODEL_UNAVAILABLE', `${model.provider} failed with ${status}${tries} (${said}). The service is having trouble: run again later, or choose another model with --model.`);
  }
  const network = status === undefined ? networkCode(last) : undefined;
  if (network) {
    const builtin = Object.hasOwn(builtinProviders, model.provider) ? builtinProviders[model.provider] : undefined;
    const hint = builtin?.startHint ? builtin.startHint : `Check "baseURL" of providers.${model.provider} in codewright.json, and that the server is up.`;
    return build('MODEL_UNREACHABLE', `Cannot reach ${model.provider} at ${where} (${networkCodes[network]}${tries}). ${hint}`);
  }
  if (LoadAPIKeyError.isInstance(last)) return build('MODEL_KEY_MISSING', `${model.id} has no key (${said}).`);
  if (NoSuchToolError.isInstance(last) || InvalidToolInputError.isInstance(last)) {
    return build('MODEL_FAILED', `${model.id} made a tool call that cannot run: ${describeToolCallProblem({ type: 'tool-error', toolName: last.toolName, error: last })}`);
  }
  if (status !== undefined) {
    return build('MODEL_FAILED', `${model.provider} refused the request to ${model.id} (${status}: ${said}). Check that the model supports tool calls, or choose another model with --model.`);
  }
  return build('MODEL_FAILED', `The call to ${model.id} failed: ${said}`);
}
