/** Skips over a `GIT binary patch` section, checking that its base85 lines are whole. */
import type { Result } from '../../core/result.ts';
import { fail, ok } from '../../core/result.ts';
import type { DiffParseError } from './parse-hunk.ts';

const base85 = /^[0-9A-Za-z!#$%&()*+\-;<=>?@^_`{|}~]+$/;

/** True when `line` is one line of git's base85 data: a length letter, then 5 characters per 4 bytes. */
function isDataLine(line: string): boolean {
  const letter = line.charCodeAt(0);
  const length = letter >= 65 && letter <= 90 ? letter - 64 : letter >= 97 && letter <= 122 ? letter - 70 : 0;
  const data = line.slice(1);
  return length > 0 && data.length === Math.ceil(length / 4) * 5 && base85.test(data);
}

/**
 * Reads the `literal N` / `delta N` blocks after `GIT binary patch` (at `start`): the forward
 * block, then the optional reverse block, each ended by a blank line. Returns the next line.
 */
export function skipBinaryPatch(lines: readonly string[], start: number, path: string): Result<number, DiffParseError> {
  let at = start;
  for (let block = 0; block < 2; block++) {
    const head = (lines[at] ?? '').replace(/\r$/, '');
    if (!/^(literal|delta) \d+$/.test(head)) {
      if (block === 1) break;
      return fail({ message: `${path}: a GIT binary patch without \`literal\` or \`delta\` data at line ${at + 1}; the patch is damaged. Make it again with \`git diff --binary\`.`, file: path, line: at + 1 });
    }
    at += 1;
    while (at < lines.length && (lines[at] ?? '').replace(/\r$/, '') !== '') {
      const line = (lines[at] ?? '').replace(/\r$/, '');
      if (!isDataLine(line)) {
        return fail({ message: `${path}: the binary patch data is damaged at line ${at + 1}. Make the patch again with \`git diff --binary\`.`, file: path, line: at + 1 });
      }
      at += 1;
    }
    if (at >= lines.length && block === 0) {
      return fail({ message: `${path}: the binary patch ends without its closing blank line: the patch is truncated. Make it again with \`git diff --binary\`.`, file: path, line: lines.length });
    }
    at += 1;
  }
  return ok(at);
}
