/** Says to the model what was wrong with a tool call it made, and how to make the call again correctly. */
import { InvalidToolInputError, JSONParseError, NoSuchToolError, TypeValidationError } from 'ai';

/**
 * A failed tool call as the AI SDK reports it: a `tool-call` part with `invalid: true` and `error`
 * (a NoSuchToolError or an InvalidToolInputError), or a `tool-error` part whose `error` is that
 * error's text (for unknown tools and bad arguments) or the Error the tool threw.
 */
export interface ToolCallProblem {
  type: 'tool-call' | 'tool-error';
  toolName: string;
  input?: unknown;
  error?: unknown;
  invalid?: boolean;
}

const excerptLength = 300;

function excerpt(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > excerptLength ? `${text.slice(0, excerptLength)}…` : text;
}

function textOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error ?? '');
}

/** Zod issues from a validation error, or from the text the SDK made of one (`Error message: [ … ]`). */
function schemaIssues(error: unknown): string[] {
  const cause = InvalidToolInputError.isInstance(error) ? error.cause : undefined;
  const validation = TypeValidationError.isInstance(cause) ? (cause.cause as { issues?: unknown }) : undefined;
  let issues = validation?.issues;
  if (!Array.isArray(issues)) {
    const listed = /Error message: (\[[\s\S]*\])\s*$/.exec(textOf(error))?.[1];
    try {
      issues = listed ? JSON.parse(listed) : undefined;
    } catch {
      issues = undefined;
    }
  }
  if (!Array.isArray(issues)) return [];
  return issues.map((issue: { path?: unknown[]; message?: unknown }) => {
    const path = Array.isArray(issue.path) && issue.path.length > 0 ? issue.path.join('.') : '(the arguments)';
    return `${path}: ${String(issue.message ?? 'invalid')}`;
  });
}

function availableTools(error: unknown, given: readonly string[] | undefined): string[] {
  if (NoSuchToolError.isInstance(error) && error.availableTools) return error.availableTools;
  if (given) return [...given];
  const listed = /Available tools: ([^\n]*?)\.?$/m.exec(textOf(error))?.[1];
  return listed ? listed.split(/,\s*/).filter(Boolean) : [];
}

/**
 * Text for the model about a failed call: an unknown tool name (with the tools it can call),
 * arguments that are not JSON, arguments that do not fit the tool's parameters (field by field),
 * or a tool that threw. `tools` names the available tools when the error does not.
 */
export function describeToolCallProblem(part: ToolCallProblem, tools?: readonly string[]): string {
  const { error, toolName } = part;
  const text = textOf(error);
  if (NoSuchToolError.isInstance(error) || text.startsWith('AI_NoSuchToolError')) {
    const names = availableTools(error, tools);
    return `There is no tool named "${toolName}". Call one of these tools by its exact name: ${names.length ? names.join(', ') : '(none are available now)'}.`;
  }
  if (InvalidToolInputError.isInstance(error) || text.startsWith('AI_InvalidToolInputError')) {
    const sent = InvalidToolInputError.isInstance(error) ? error.toolInput : part.input;
    const notJson = JSONParseError.isInstance(InvalidToolInputError.isInstance(error) ? error.cause : undefined) || text.includes('AI_JSONParseError');
    if (notJson) {
      const detail = /SyntaxError: ([^\n]*)/.exec(text)?.[1] ?? 'it does not parse';
      return `The arguments of your call to "${toolName}" are not valid JSON (${detail}). You sent: ${excerpt(sent)}. Call "${toolName}" again with the arguments as one complete JSON object: double-quoted keys and strings, no trailing commas, every bracket closed.`;
    }
    const issues = schemaIssues(error);
    const listed = issues.length ? issues.join('; ') : text;
    return `The arguments of your call to "${toolName}" do not fit its parameters: ${listed}. You sent: ${excerpt(sent)}. Call "${toolName}" again with these fields corrected.`;
  }
  return `The tool "${toolName}" failed: ${text || 'no reason given'}. Fix the cause and call it again, or take another approach.`;
}
