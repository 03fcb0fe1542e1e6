/** Wrong changes: codewright's mutation operators, plus a few more, applied to every line of the library's source files. */
import type { Hunk } from '../../../src/core/change.ts';
import { describeMutant, makeMutants, type Mutant } from '../../../src/evidence/mutation/index.ts';
import { type ExtraMutant, extraMutants } from './extra-mutants.ts';

/** A mutant of codewright's operators or of the benchmark's extra ones. */
export type CandidateMutant = Mutant | ExtraMutant;

/** A synthetic hunk that "adds" every line of `path`, so that makeMutants mutates the whole file. */
function wholeFileHunk(path: string, text: string): Hunk {
  const lines = text.split('\n');
  return {
    id: `${path}#0`,
    path,
    oldStart: 0,
    oldLines: 0,
    newStart: 1,
    newLines: lines.length,
    header: '',
    lines: lines.map((line, index) => ({ type: '+', text: line, newLine: index + 1 })),
  };
}

/**
 * Mutants of every line of `paths` in `dir`, without duplicates. Lines that call `debug(…)` are left out:
 * semver's debug only prints under NODE_DEBUG, so mutants there change nothing a caller can see.
 */
export async function mutantCandidates(dir: string, paths: readonly string[], read: (path: string) => string): Promise<CandidateMutant[]> {
  const texts = new Map(paths.map((path) => [path, read(path)]));
  const isDebugLine = (path: string, line: number) => /\bdebug\s*\(/.test(texts.get(path)!.split('\n')[line - 1] ?? '');
  const { mutants } = await makeMutants(dir, paths.map((path) => wholeFileHunk(path, texts.get(path)!)));
  const extra = paths.flatMap((path) => extraMutants(path, texts.get(path)!, (line) => isDebugLine(path, line)));
  const seen = new Set<string>();
  return [...mutants.filter((mutant) => !isDebugLine(mutant.path, mutant.line)), ...extra].filter((mutant) => {
    const key = `${mutant.path}:${mutant.start}:${mutant.end}:${mutant.replacement}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function lineAt(text: string, offset: number): { start: number; end: number; text: string } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const end = newline < 0 ? text.length : newline + 1;
  return { start, end, text: text.slice(start, end) };
}

/**
 * The text of the mutant's file with the mutant applied. A statement removed whole takes its line with it
 * (codewright leaves an empty line or a lone `;`, which is fine for mutation testing), and no blank line is
 * left doubled or padding a block: the wrong change carries no formatting fault for lint to find.
 */
export function mutatedText(text: string, mutant: CandidateMutant): string {
  const changed = text.slice(0, mutant.start) + mutant.replacement + text.slice(mutant.end);
  const line = lineAt(changed, mutant.start);
  if (line.text.trim() !== '' && line.text.trim() !== ';') return changed;
  let result = changed.slice(0, line.start) + changed.slice(line.end);
  const previous = line.start > 0 ? lineAt(result, line.start - 1) : undefined;
  const next = lineAt(result, line.start);
  const previousText = previous?.text.trim() ?? '{';
  if (next.text.trim() === '' && (previousText === '' || previousText.endsWith('{'))) result = result.slice(0, next.start) + result.slice(next.end);
  else if (previous && previousText === '' && next.text.trim().startsWith('}')) result = result.slice(0, previous.start) + result.slice(previous.end);
  return result;
}

/** `functions/inc.js line 12 \`<\` → \`<=\` (boundary)`. */
export function describeWrongChange(mutant: CandidateMutant): string {
  return `${mutant.path} ${describeMutant(mutant as Mutant)} (${mutant.operator})`;
}
