/** Decides whether the `run` tool may start a command line: every program allowed, no deny pattern, no secret file named. */
import type { CommandPolicy, SecretPolicy } from '../types.ts';
import { denyRuleName, denyRuleReasons } from './command-policy.ts';
import { isSecretPath } from './secret-files.ts';
import { splitCommand } from './split-command.ts';

export type CommandDecision = { allowed: true; programs: string[] } | { allowed: false; reason: string };

/** Words that open or close a compound command; the program is the word after them. */
const leadingKeywords = new Set(['!', '{', '}', 'if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'time', 'esac']);

function programOf(words: readonly string[]): { program: string; rest: string[] } | { refused: string } | undefined {
  let index = 0;
  while (index < words.length && (leadingKeywords.has(words[index]!) || /^[A-Za-z_]\w*=/.test(words[index]!))) index++;
  const first = words[index];
  if (first === undefined) return undefined;
  if (first === 'for' || first === 'select') return undefined; // `for x in a b`: a list of words, no program
  if (first === 'case' || first === 'function' || /\)$/.test(first)) return { refused: 'case statements and function definitions are not supported: run simple commands' };
  if (/[$*?[]/.test(first)) return { refused: `the program must be a plain name, not \`${first}\`` };
  return { program: first.slice(first.lastIndexOf('/') + 1), rest: words.slice(index + 1) };
}

/** An allow entry is a program name, optionally followed by the words it must start with (`git status`, `sed -n`). */
function isAllowed(program: string, rest: readonly string[], allow: readonly string[]): boolean {
  return allow.some((entry) => {
    if (entry === '*') return true;
    const [name, ...required] = entry.trim().split(/\s+/);
    return name === program && required.every((word, index) => rest[index] === word);
  });
}

function describeAllowed(allow: readonly string[]): string {
  const grouped = new Map<string, string[]>();
  for (const entry of allow) {
    const [name = '', ...words] = entry.trim().split(/\s+/);
    const list = grouped.get(name) ?? [];
    if (words.length > 0) list.push(words.join(' '));
    grouped.set(name, list);
  }
  return [...grouped].map(([name, forms]) => (forms.length > 0 ? `${name} (${forms.join('|')})` : name)).join(', ');
}

/**
 * Checks `line` against `policy`: each simple command of every pipeline and list must start an
 * allowed program, no deny pattern may match the whole line, and no word may name a secret file.
 * The reason says what to change.
 */
export function evaluateCommand(line: string, policy: CommandPolicy, secretPolicy?: SecretPolicy): CommandDecision {
  if (line.trim() === '') return { allowed: false, reason: 'the command is empty: give a command line, e.g. `npm test`' };
  for (const source of policy.deny) {
    const match = new RegExp(source, 'm').exec(line);
    if (!match) continue;
    const rule = denyRuleName(source);
    const why = rule ? `${denyRuleReasons[rule]} (rule ${rule})` : `it matches the deny pattern /${source}/ of codewright.json`;
    return { allowed: false, reason: `\`${match[0].trim()}\` is refused: ${why}` };
  }
  const split = splitCommand(line);
  if (!split.success) return { allowed: false, reason: split.error };
  const programs: string[] = [];
  for (const { words } of split.value) {
    const found = programOf(words);
    if (found === undefined) continue;
    if ('refused' in found) return { allowed: false, reason: found.refused };
    if (!isAllowed(found.program, found.rest, policy.allow)) {
      return {
        allowed: false,
        reason: `\`${[found.program, ...found.rest.slice(0, 1)].join(' ')}\` is not an allowed program; allowed: ${describeAllowed(policy.allow)}. Use the read, edit and write tools for files; the user can allow more programs in codewright.json`,
      };
    }
    if (secretPolicy) {
      const secret = words.find((word) => isSecretPath(word.replace(/^(?:~|\/)+/, ''), secretPolicy));
      if (secret) return { allowed: false, reason: `\`${secret}\` is a secret file; its contents are never sent to a model` };
    }
    programs.push(found.program);
  }
  if (programs.length === 0) return { allowed: false, reason: 'the command runs no program: give a command line, e.g. `npm test`' };
  return { allowed: true, programs };
}
