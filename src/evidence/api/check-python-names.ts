/** Python name checks: the modules, imported names and module attributes on added lines exist in the interpreter or the repository. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, ok, type Result } from '../../core/result.ts';
import type { ChangedFile } from '../build/hunk-lines.ts';
import type { CheckContext } from '../types.ts';
import { suggestionPhrase, type CheckedUse, type UseOutcome } from './api-outcome.ts';
import { introspectPython, type PythonAnswer } from './python-introspect.ts';
import { collectPythonUses, type PythonUse } from './python-uses.ts';

/** The project's own interpreter when the repository has a virtual environment, else `fallback`. */
export function projectPython(root: string, fallback: string): { python: string; project: boolean } {
  for (const folder of ['.venv', 'venv', 'env']) {
    const candidate = join(root, folder, 'bin', 'python');
    if (existsSync(candidate)) return { python: candidate, project: true };
  }
  return { python: fallback, project: false };
}

function outcomeOf(use: PythonUse, answer: PythonAnswer, python: { python: string; project: boolean }): UseOutcome {
  if (answer.status === 'ok') return { status: 'resolved' };
  if (answer.status === 'unchecked' || answer.status === 'error') return { status: 'unchecked', reason: answer.reason ?? 'unknown' };
  const data = { module: use.module, owner: answer.owner, suggestions: answer.suggestions ?? [] };
  if (answer.status === 'missing-module') {
    if (!answer.certain && !python.project) return { status: 'unchecked', reason: `${use.module} is not installed for ${python.python}` };
    const parent = use.module.split('.').slice(0, -1).join('.');
    const suggestions = suggestionPhrase((answer.suggestions ?? []).map((name) => ({ shown: parent ? `${parent}.${name}` : name })));
    const where = parent ? `${answer.owner ?? parent} has no module \`${use.module.split('.').at(-1)}\`` : `it is not installed for ${python.python}`;
    return { status: 'missing', message: `imports \`${use.module}\`, but ${where}${suggestions}`, data };
  }
  const index = answer.index ?? 0;
  const name = use.attributes[index] ?? '';
  if (use.kind === 'import') {
    const suggestions = suggestionPhrase((answer.suggestions ?? []).map((entry) => ({ shown: entry })));
    return { status: 'missing', message: `imports \`${name}\` from \`${use.module}\`, which ${answer.owner} does not have${suggestions}`, data: { ...data, name } };
  }
  // Written `alias.a.b`: attributes before the alias's own are the import's business, reported on its line.
  const written = use.written.split('.');
  const position = index - (use.attributes.length - (written.length - 1)) + 1;
  if (position < 1) return { status: 'unchecked', reason: 'the import itself does not resolve' };
  const last = position === written.length - 1;
  const call = use.called && last ? '()' : '';
  const prefix = written.slice(0, position).join('.');
  const suggestions = suggestionPhrase((answer.suggestions ?? []).map((entry) => ({ shown: `${prefix}.${entry}${call}` })));
  const verb = use.called && last ? 'calls' : 'accesses';
  return { status: 'missing', message: `${verb} \`${written.slice(0, position + 1).join('.')}${call}\`, which ${answer.owner} does not have${suggestions}`, data: { ...data, name } };
}

/** Checks the Python files of a change in one interpreter run. */
export async function checkPythonNames(context: CheckContext, files: readonly ChangedFile[], fallback: string): Promise<Result<CheckedUse[], string>> {
  const found: Array<{ path: string; use: PythonUse }> = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(join(context.changeDir, file.path), 'utf8');
    } catch {
      continue;
    }
    for (const use of collectPythonUses(text, file.addedLines)) found.push({ path: file.path, use });
  }
  if (found.length === 0) return ok([]);
  const requests = new Map<string, { module: string; attributes: string[] }>();
  const keyOf = (use: PythonUse) => [use.module, ...use.attributes].join('\u0000');
  for (const { use } of found) requests.set(keyOf(use), { module: use.module, attributes: use.attributes });
  const keys = [...requests.keys()];
  const python = projectPython(context.root, fallback);
  const answers = await introspectPython(context.changeDir, [...requests.values()], { python: python.python, timeoutMs: context.timeoutMs, signal: context.signal });
  if (!answers.success) return fail(answers.error);
  return ok(
    found.map(({ path, use }) => {
      const answer = answers.value[keys.indexOf(keyOf(use))] ?? { status: 'error' as const };
      return { path, line: use.line, outcome: outcomeOf(use, answer, python) };
    }),
  );
}
