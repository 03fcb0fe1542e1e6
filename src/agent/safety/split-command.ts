/** Splits a shell command line into its simple commands (pipelines, lists, groups), so that each program can be checked. */
import type { Result } from '../../core/result.ts';
import { fail, ok } from '../../core/result.ts';

/** One simple command: its words with quotes removed, without redirections. */
export interface SimpleCommand {
  words: string[];
}

const separators = new Set([';', '&', '|', '\n', '(', ')']);

/**
 * The simple commands of `line` as bash would run them. Refuses what cannot be checked word by word:
 * command substitution (`$(…)`, backticks), process substitution (`<(…)`), here-documents and
 * unterminated quotes; the error says how to write the command instead.
 */
export function splitCommand(line: string): Result<SimpleCommand[], string> {
  const commands: SimpleCommand[] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let redirectTarget = false;
  const endWord = () => {
    if (inWord) {
      if (redirectTarget) redirectTarget = false;
      else words.push(word);
    }
    word = '';
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push({ words });
    words = [];
  };
  for (let at = 0; at < line.length; at++) {
    const character = line[at]!;
    const next = line[at + 1] ?? '';
    if (character === '`' || (character === '$' && next === '(')) {
      return fail('command substitution ($(...) or backticks) is not allowed: run the inner command on its own first');
    }
    if (character === '\\') {
      word += next;
      inWord = true;
      at++;
      continue;
    }
    if (character === "'") {
      const end = line.indexOf("'", at + 1);
      if (end < 0) return fail('unterminated single quote');
      word += line.slice(at + 1, end);
      inWord = true;
      at = end;
      continue;
    }
    if (character === '"') {
      const end = closingDoubleQuote(line, at + 1);
      if (end < 0) return fail('unterminated double quote');
      const inner = line.slice(at + 1, end);
      if (/`|\$\(/.test(inner.replace(/\\./g, ''))) {
        return fail('command substitution ($(...) or backticks) is not allowed: run the inner command on its own first');
      }
      word += inner.replace(/\\(["\\$`])/g, '$1');
      inWord = true;
      at = end;
      continue;
    }
    if (character === '#' && !inWord) {
      const end = line.indexOf('\n', at);
      at = end < 0 ? line.length : end - 1;
      continue;
    }
    if ((character === '<' || character === '>') && next === '(') {
      return fail('process substitution (<(...) or >(...)) is not allowed: write the output to a file first');
    }
    if (character === '<' && next === '<' && line[at + 2] !== '<') {
      return fail('here-documents (<<) are not allowed: write the text to a file with the write tool, then use the file');
    }
    if (character === '<' || character === '>') {
      // A redirection: digits before it belong to it (`2>`), `&N` after it too (`2>&1`).
      if (inWord && /^\d+$/.test(word)) {
        word = '';
        inWord = false;
      }
      endWord();
      let end = at + 1;
      while (line[end] === '>' || line[end] === '<') end++;
      if (line[end] === '&' && /[\d-]/.test(line[end + 1] ?? '')) {
        at = end + 1;
        continue;
      }
      if (line[end] === '&' || line[end] === '|') end++;
      at = end - 1;
      redirectTarget = true;
      continue;
    }
    if (character === '&' && next === '>') {
      endWord();
      at += next === '>' && line[at + 2] === '>' ? 2 : 1;
      redirectTarget = true;
      continue;
    }
    if (separators.has(character)) {
      endCommand();
      continue;
    }
    if (character === ' ' || character === '\t' || character === '\r') {
      endWord();
      continue;
    }
    word += character;
    inWord = true;
  }
  endCommand();
  return ok(commands);
}

function closingDoubleQuote(line: string, from: number): number {
  for (let at = from; at < line.length; at++) {
    if (line[at] === '\\') at++;
    else if (line[at] === '"') return at;
  }
  return -1;
}
