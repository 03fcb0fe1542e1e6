/** Parses one file in the calling thread: read, hash, check, extract. Used by the workers and for one-file updates. */
import { readFileSync } from 'node:fs';
import { lineStarts } from '../../core/line-starts.ts';
import { buildChunks } from '../text/chunks.ts';
import { extractFacts } from './extract.ts';
import {
  contentHash,
  decodeText,
  firstReplacementLine,
  generatedReason,
  grammarLanguage,
  grammarsFor,
  isBinary,
  minifiedReason,
} from './file-checks.ts';
import { loadGrammars } from './grammars.ts';
import type { ParseJob, ParseOptions, ParseOutcome } from './types.ts';

/**
 * Parses one file synchronously; the job's grammars must be loaded (`await loadGrammars(grammarsFor(...))`;
 * a `.h` file may be parsed as C++).
 * Never throws for a bad file: unreadable, binary, minified and generated files and parser
 * failures come back as `skipped` with the reason.
 */
export function parseFileSync(job: ParseJob, options: ParseOptions = {}): ParseOutcome {
  const { path } = job;
  let bytes: Buffer;
  try {
    bytes = readFileSync(job.absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { path, status: 'skipped', hash: null, reason: `unreadable (${code})` };
  }
  const hash = contentHash(bytes);
  if (job.knownHash === hash) return { path, status: 'unchanged', hash };
  if (isBinary(bytes)) return { path, status: 'skipped', hash, reason: 'binary (a NUL byte in the first 8 KiB)' };
  const { text, validUtf8 } = decodeText(bytes);
  // Where lines start, found once for the minified check, the walk and the chunks.
  const starts = lineStarts(text);
  const notSource = generatedReason(text) ?? minifiedReason(text, job.language, starts);
  if (notSource) return { path, status: 'skipped', hash, reason: notSource };
  try {
    const facts = extractFacts(path, grammarLanguage(path, job.language, text), text, starts);
    const chunks = options.chunks === false ? undefined : buildChunks(text, facts, starts);
    if (validUtf8) return { path, status: 'parsed', hash, facts, chunks };
    facts.hasErrors = true;
    facts.errorLines = [...new Set([firstReplacementLine(text), ...facts.errorLines])].sort((a, b) => a - b).slice(0, 10);
    return { path, status: 'parsed', hash, facts, chunks, reason: 'invalid UTF-8' };
  } catch (error) {
    return { path, status: 'skipped', hash, reason: `parser failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Loads the job's grammar if needed, then parses the file in this thread (no worker start-up). */
export async function parseFile(job: ParseJob, options: ParseOptions = {}): Promise<ParseOutcome> {
  try {
    await loadGrammars(grammarsFor(job.path, job.language));
  } catch (error) {
    return { path: job.path, status: 'skipped', hash: null, reason: `grammar failed to load: ${error instanceof Error ? error.message : String(error)}` };
  }
  return parseFileSync(job, options);
}
