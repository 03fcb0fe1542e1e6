/** Shortens failure messages to what a person reads first. */

// eslint-disable-next-line no-control-regex
const ansi = /\u001b\[[0-9;]*m/g;

/** Trims a runner's failure text to its first few meaningful lines (no stack frames, no colour codes). */
export function trimFailure(text: string | undefined, maxLines = 12): string {
  if (!text) return '';
  const lines = text
    .replace(ansi, '')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '' && !/^\s+at\s/.test(line));
  return lines.slice(0, maxLines).join('\n').slice(0, 1000);
}

/** `actual 2, expected 3` from the `+ actual - expected` diff node:assert prints, if there is one. */
function assertDiff(lines: readonly string[]): string | undefined {
  const header = lines.indexOf('+ actual - expected');
  if (header < 0) return undefined;
  const rest = lines.slice(header + 1);
  const actual = rest.find((line) => line.startsWith('+'))?.slice(1).trim();
  const expected = rest.find((line) => line.startsWith('-'))?.slice(1).trim();
  return actual !== undefined && expected !== undefined ? `actual ${actual}, expected ${expected}` : undefined;
}

/** One line for an evidence message: the first line, plus the next when the first only introduces it ("…:"). */
export function firstLine(text: string | undefined): string {
  const lines = trimFailure(text).split('\n').map((line) => line.trim()).filter(Boolean);
  const [first = '', second] = lines;
  const detail = first.endsWith(':') ? (assertDiff(lines) ?? second) : undefined;
  const line = detail !== undefined ? `${first} ${detail}` : first;
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

/** The first line of stderr that looks like an error (`Error [CODE]: …`, `SyntaxError: …`), if any. */
export function errorLine(stderr: string): string | undefined {
  return stderr
    .replace(ansi, '')
    .split('\n')
    .map((line) => line.trim())
    .find((line) => /^([A-Z]\w*)?(Error|Exception)\b( \[[A-Z_]+\])?:/.test(line));
}
