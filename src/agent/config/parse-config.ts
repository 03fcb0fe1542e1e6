/** Parses the text of a config file into a `CodewrightConfig`, or an error naming the file, the field and what to write. */
import type { z } from 'zod';
import { CodewrightError } from '../../core/errors.ts';
import { fail, ok, parseJson } from '../../core/result.ts';
import type { Result } from '../../core/result.ts';
import { configSchema } from './config-schema.ts';
import type { CodewrightConfig } from './config-schema.ts';

/** One problem in a config file: the field's dotted path (`providers.local.baseURL`) and what to write. */
export interface ConfigIssue {
  path: string;
  message: string;
}

const maxIssuesShown = 8;

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}

function issuesOf(error: z.ZodError): ConfigIssue[] {
  return error.issues.map((issue) => {
    const path = fieldPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const where = path || 'the top level';
      return { path: path || '(top level)', message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')} in ${where}; remove ${issue.keys.length > 1 ? 'them' : 'it'} or check the spelling` };
    }
    if (issue.code === 'invalid_key') return { path, message: issue.issues[0]?.message ?? issue.message };
    return { path: path || '(top level)', message: issue.code === 'invalid_type' && issue.input === undefined ? 'this field is required' : issue.message };
  });
}

/** The error for `issues` in `file`: one line per issue, `file: path: what to write`. */
export function configError(file: string, issues: ConfigIssue[]): CodewrightError {
  const lines = issues.slice(0, maxIssuesShown).map((issue) => `${file}: ${issue.path}: ${issue.message}`);
  if (issues.length > maxIssuesShown) lines.push(`${file}: and ${issues.length - maxIssuesShown} more problems`);
  return new CodewrightError({ code: 'CONFIG_INVALID', message: lines.join('\n'), data: { file, issues } });
}

/** Parses `text` read from `file` (the name is used in messages only). */
export function parseConfig(text: string, file: string): Result<CodewrightConfig, CodewrightError> {
  const json = parseJson(text);
  if (!json.success) {
    return fail(new CodewrightError({ code: 'CONFIG_INVALID', message: `${file} is not valid JSON (${json.error.message}); fix it, or remove the file to use the defaults.`, data: { file }, cause: json.error }));
  }
  const parsed = configSchema.safeParse(json.value, { reportInput: true });
  if (!parsed.success) return fail(configError(file, issuesOf(parsed.error)));
  return ok(parsed.data);
}
