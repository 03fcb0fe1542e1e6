/** Parses `tsc --pretty false` output into diagnostics with repository-relative paths. */
import { isAbsolute, relative } from 'node:path';

/** One compiler diagnostic; `path` is '' and `line` 0 for diagnostics about the options or the config. */
export interface TypeDiagnostic {
  path: string;
  line: number;
  column: number;
  /** `TS2339`. */
  code: string;
  category: 'error' | 'warning' | 'message';
  /** The whole message; chained details follow on indented lines. */
  message: string;
}

const located = /^(.+?)\((\d+),(\d+)\): (error|warning|message) (TS\d+): (.*)$/;
const global = /^(error|warning|message) (TS\d+): (.*)$/;

/** Reads the diagnostics out of tsc's plain output; `dir` is the folder tsc ran in. */
export function parseTscOutput(output: string, dir: string): TypeDiagnostic[] {
  const diagnostics: TypeDiagnostic[] = [];
  for (const line of output.split(/\r?\n/)) {
    const match = located.exec(line);
    if (match) {
      const [, file = '', row = '0', column = '0', category, code = '', message = ''] = match;
      const path = (isAbsolute(file) ? relative(dir, file) : file).replace(/\\/g, '/');
      diagnostics.push({ path, line: Number(row), column: Number(column), code, category: category as TypeDiagnostic['category'], message });
      continue;
    }
    const other = global.exec(line);
    if (other) {
      const [, category, code = '', message = ''] = other;
      diagnostics.push({ path: '', line: 0, column: 0, code, category: category as TypeDiagnostic['category'], message });
      continue;
    }
    const last = diagnostics.at(-1);
    if (last && /^\s+\S/.test(line)) last.message += `\n${line.trim()}`;
  }
  return diagnostics;
}
