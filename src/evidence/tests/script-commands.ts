/** Reads which test runner a package.json test script starts, following `npm run` indirections. */
import type { RunnerName } from './types.ts';

/** The runner a script names, with the node flags and suite arguments of a `node --test` command. */
export interface ScriptRunner {
  name: RunnerName;
  /** Why: `package.json test script "vitest run"`. */
  reason: string;
  nodeArgs: string[];
  suiteArgs: string[];
}

const flagsWithValue = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader', '--conditions', '-C', '--env-file']);
const droppedFlags = /^--(test|test-reporter.*|test-reporter-destination.*|experimental-test-coverage|test-coverage-.*|watch.*|test-only|test-name-pattern.*)$/;

/** Every script `test` runs, itself first, through `npm run x`, `pnpm x`, `yarn x` (three levels deep). */
export function testScriptTexts(scripts: Record<string, string>, start = 'test'): string[] {
  const texts: string[] = [];
  const queue = [start];
  const seen = new Set<string>();
  while (queue.length > 0 && seen.size < 4) {
    const name = queue.shift()!;
    const text = scripts[name];
    if (text === undefined || seen.has(name)) continue;
    seen.add(name);
    texts.push(text);
    for (const match of text.matchAll(/\b(?:npm|pnpm|yarn|bun)\s+(?:run(?:-script)?\s+)?([\w:.-]+)/g)) {
      if (match[1] !== undefined && match[1] in scripts) queue.push(match[1]);
    }
  }
  return texts;
}

function unquote(token: string): string {
  return token.replace(/^(['"])(.*)\1$/, '$2');
}

/** Splits one `node … --test …` command into the flags to keep and the test globs it names. */
export function parseNodeTestCommand(command: string): { nodeArgs: string[]; suiteArgs: string[] } {
  const tokens = (command.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map(unquote);
  const start = tokens.findIndex((token) => token === 'node' || token.endsWith('/node'));
  const nodeArgs: string[] = [];
  const suiteArgs: string[] = [];
  for (let index = start + 1; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (['&&', '||', ';', '|'].includes(token)) break;
    if (flagsWithValue.has(token)) {
      nodeArgs.push(token, tokens[++index] ?? '');
    } else if (droppedFlags.test(token.split('=')[0]!)) {
      if (/^--test-reporter(-destination)?$/.test(token)) index++;
    } else if (token.startsWith('-')) {
      nodeArgs.push(token);
    } else {
      suiteArgs.push(token);
    }
  }
  return { nodeArgs, suiteArgs };
}

/** The runner the test script starts, or undefined when it names none of the known runners. */
export function runnerFromScripts(scripts: Record<string, string>): ScriptRunner | undefined {
  for (const script of testScriptTexts(scripts)) {
    const reason = `package.json test script "${script}"`;
    for (const command of script.split(/&&|\|\||;/)) {
      if (/\bvitest\b/.test(command)) return { name: 'vitest', reason, nodeArgs: [], suiteArgs: [] };
      if (/\bjest\b/.test(command)) return { name: 'jest', reason, nodeArgs: [], suiteArgs: [] };
      if (/\bmocha\b/.test(command)) return { name: 'mocha', reason, nodeArgs: [], suiteArgs: [] };
      // `tap` as a command of its own, not `tape` or `tap-spec` (reporters that read TAP).
      if (/(^|\s|\/)tap(\s|$)/.test(command)) return { name: 'tap', reason, nodeArgs: [], suiteArgs: [] };
      if (/(^|\s|\/)node\s(.*\s)?--test(\s|$|=)/.test(command)) return { name: 'node-test', reason, ...parseNodeTestCommand(command) };
    }
  }
  return undefined;
}
