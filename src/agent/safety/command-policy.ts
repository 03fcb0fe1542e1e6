/** The `run` tool's default command policy, and the user's narrowing or widening of it. */
import { z } from 'zod';
import { CodewrightError } from '../../core/errors.ts';
import type { Result } from '../../core/result.ts';
import { fail, ok } from '../../core/result.ts';
import type { CommandPolicy } from '../types.ts';

/** A pattern that matches `names` where a program starts: line start, after `;`, `&`, `|`, `(`, or a wrapper such as `xargs`. */
function atProgram(names: string): string {
  return String.raw`(?:^|[;&|({\n]|\b(?:then|do|else|exec|xargs|env|nohup|time|timeout\s+\S+|sudo)\s)\s*(?:[A-Za-z_]\w*=\S*\s+)*(?:\S*/)?(?:${names})(?=$|[\s;&|)])`;
}

/** Named deny rules: users drop one by name (`permit: ["package-install"]`). */
export const defaultDenyRules: Readonly<Record<string, string>> = {
  network: atProgram('curl|wget|ssh|scp|sftp|rsync|nc|ncat|netcat|telnet|ftp|socat|http|https|aria2c'),
  privilege: atProgram('sudo|su|doas|pkexec|chroot'),
  'process-kill': atProgram('kill|killall|pkill|shutdown|reboot|halt|poweroff'),
  'remove-outside': String.raw`\brm\b[^;&|\n]*\s(?:/|~|\$\{?HOME\b|\.\.(?:/|\s|$))`,
  'write-outside': String.raw`(?:>{1,2}|\btee\b[^;&|\n]*\s|\b(?:cp|mv|ln)\b[^;&|\n]*\s)\s*(?!/dev/null\b)(?:/|~|\$\{?HOME\b|\.\./)`,
  'home-dotfiles': String.raw`(?:~|\$\{?HOME\}?)/\.`,
  'process-environment': String.raw`/proc/[^\s/]+/environ`,
  'git-remote-or-history': String.raw`\bgit\s+(?:-\S+\s+(?:[\w.-]+=\S*\s+)?)*(?:push|pull|fetch|clone|remote|config|credential|submodule|worktree|filter-branch|filter-repo|update-ref|gc|prune|reset\s+--hard|clean\s+-\w*f)\b`,
  publish: String.raw`\b(?:(?:npm|pnpm|yarn)\s+(?:publish|unpublish|login|logout|adduser|token|owner|deprecate|dist-tag)|cargo\s+(?:publish|login|yank|owner)|twine\s+upload|gem\s+push|docker\s+push|poetry\s+publish)\b`,
  'package-install': String.raw`\b(?:(?:npm|pnpm)\s+(?:install|i|add|ci|update|upgrade|up)|yarn\s+(?:add|install|upgrade|up)|pip3?\s+install|-m\s+pip\s+install|uv\s+(?:pip|add|sync)|poetry\s+(?:add|install)|go\s+(?:get|install)|cargo\s+(?:install|add)|gem\s+install)\b|\bnpx\s+(?:-y|--yes)\b`,
  'disk-destruction': String.raw`\bmkfs\b|\bdd\b[^;&|\n]*\bof=|\bshred\b|:\(\)\s*\{|\bchmod\s+-R\s+\S+\s+/|\bchown\s+-R`,
  'in-place-edit': String.raw`\bsed\b[^;&|\n]*\s(?:-[A-Za-z]*i|--in-place)\b|\bperl\b[^;&|\n]*\s-\w*i`,
  'find-exec': String.raw`\bfind\b[^;&|\n]*\s-(?:exec|execdir|ok|okdir|delete|fprint\w*|fls)\b`,
  'rg-preprocessor': String.raw`\brg\b[^;&|\n]*\s--pre\b`,
};

/** Why each default rule refuses, for the message the model gets. */
export const denyRuleReasons: Readonly<Record<string, string>> = {
  network: 'commands run without network access',
  privilege: 'commands run without extra privileges',
  'process-kill': 'commands may not stop other processes or the machine',
  'remove-outside': 'files outside the worktree may not be removed',
  'write-outside': 'files outside the worktree may not be written',
  'home-dotfiles': 'dot files of the home folder hold credentials',
  'process-environment': 'process environments hold credentials',
  'git-remote-or-history': 'git may only read: no remotes, configuration or history rewrites',
  publish: 'nothing may be published',
  'package-install': 'packages are not installed during a run (it needs the network); ask the user to install them',
  'disk-destruction': 'destructive disk and permission commands are refused',
  'in-place-edit': 'edit files with the edit tool',
  'find-exec': 'find may only list files',
  'rg-preprocessor': 'rg may not start other programs',
};

/** The name of a default deny rule by its pattern source, or undefined for the user's own patterns. */
export function denyRuleName(source: string): string | undefined {
  return Object.keys(defaultDenyRules).find((name) => defaultDenyRules[name] === source);
}

/** Build and test tools, read-only git, and read-only shell utilities. */
export const defaultAllowedPrograms: readonly string[] = [
  'node', 'npm', 'npx', 'pnpm', 'yarn', 'tsc', 'tsx', 'vitest', 'jest', 'mocha', 'eslint', 'prettier', 'biome',
  'python', 'python3', 'pytest', 'mypy', 'ruff', 'go', 'gofmt', 'cargo', 'rustc', 'make', 'javac', 'java',
  'git status', 'git diff', 'git log', 'git show', 'git ls-files', 'git blame', 'git grep',
  'ls', 'cat', 'grep', 'rg', 'find', 'head', 'tail', 'wc', 'sed -n', 'sort', 'uniq', 'cut', 'tr', 'diff', 'cmp',
  'echo', 'printf', 'pwd', 'true', 'false', 'test', 'file', 'stat', 'du', 'tree', 'basename', 'dirname', 'realpath',
  'which', 'jq', 'mkdir', 'touch', 'cp', 'mv', 'rm',
];

/** What the run tool may start when the user configured nothing. */
export const defaultCommandPolicy: CommandPolicy = {
  allow: defaultAllowedPrograms,
  deny: Object.values(defaultDenyRules),
  timeoutMs: 120_000,
  outputLimit: 10_000,
};

/** The `commands` section of the user's codewright.json. */
export const commandPolicyConfigSchema = z.strictObject({
  /** Replaces the allowed programs (narrows or widens); `*` allows every program not denied. */
  allow: z.array(z.string().min(1)).optional(),
  /** Programs added to the allowed ones. */
  alsoAllow: z.array(z.string().min(1)).optional(),
  /** Deny patterns (regular-expression sources) added to the defaults. */
  deny: z.array(z.string().min(1)).optional(),
  /** Default deny rules dropped, by name (see defaultDenyRules). */
  permit: z.array(z.string().min(1)).optional(),
  timeoutMs: z.number().int().positive().optional(),
  outputLimit: z.number().int().positive().optional(),
});

export type CommandPolicyConfig = z.infer<typeof commandPolicyConfigSchema>;

/** Validates the `commands` section of a parsed codewright.json without throwing. */
export function parseCommandPolicyConfig(value: unknown): Result<CommandPolicyConfig, CodewrightError> {
  const parsed = commandPolicyConfigSchema.safeParse(value);
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(commands)'}: ${issue.message}`).join('; ');
  return fail(new CodewrightError({ code: 'INVALID_ARGUMENT', message: `codewright.json "commands" is invalid: ${issues}. Fix it or remove the section.`, data: { issues: parsed.error.issues } }));
}

/**
 * `defaults` narrowed or widened by the user's own configuration.
 *
 * Only the person running codewright may widen the policy: `config` must come from their
 * codewright.json as read before the run started, never from a candidate's worktree. The model
 * writes that worktree (and a repository may carry files written by anyone), so any policy read
 * from it would let the model, or text planted in the repository, grant itself curl or
 * `git push`. This function reads no files for the same reason: its caller decides whose
 * configuration it is. Throws INVALID_ARGUMENT for an unknown rule name or a pattern that does not compile.
 */
export function mergeCommandPolicy(defaults: CommandPolicy, config: CommandPolicyConfig | undefined): CommandPolicy {
  if (!config) return defaults;
  const permitted = new Set<string>();
  for (const name of config.permit ?? []) {
    const source = defaultDenyRules[name] ?? (defaults.deny.includes(name) ? name : undefined);
    if (source === undefined) {
      throw new CodewrightError({
        code: 'INVALID_ARGUMENT',
        message: `codewright.json commands.permit names an unknown deny rule \`${name}\`; known rules: ${Object.keys(defaultDenyRules).join(', ')}.`,
        data: { name },
      });
    }
    permitted.add(source);
  }
  for (const source of config.deny ?? []) {
    try {
      new RegExp(source, 'm');
    } catch (error) {
      throw new CodewrightError({ code: 'INVALID_ARGUMENT', message: `codewright.json commands.deny has a pattern that is not a regular expression: ${source} (${(error as Error).message}).`, data: { source }, cause: error });
    }
  }
  return {
    allow: [...new Set([...(config.allow ?? defaults.allow), ...(config.alsoAllow ?? [])])],
    deny: [...defaults.deny.filter((source) => !permitted.has(source)), ...(config.deny ?? [])],
    timeoutMs: config.timeoutMs ?? defaults.timeoutMs,
    outputLimit: config.outputLimit ?? defaults.outputLimit,
  };
}
