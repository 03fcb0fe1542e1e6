/** The messages of the parse layer: what to parse and what came of it. */
import type { Language } from '../../core/types.ts';
import type { FileFacts } from '../facts.ts';
import type { Chunk } from '../text/chunks.ts';

/** One file to parse. */
export interface ParseJob {
  /** Repository-relative path, copied into the facts. */
  path: string;
  absolutePath: string;
  language: Language;
  size: number;
  /** sha1 of the content indexed last time: equal content gives an `unchanged` outcome. */
  knownHash?: string;
}

/** What became of one job. */
export type ParseOutcome =
  | {
      path: string;
      status: 'parsed';
      /** sha1 hex of the file's bytes. */
      hash: string;
      facts: FileFacts;
      /** Full-text chunks of the file (see `text/chunks.ts`), when the pool was asked for them. */
      chunks?: Chunk[];
      /** Why the facts are partial besides syntax errors, e.g. `invalid UTF-8` (then `facts.hasErrors` is true). */
      reason?: string;
    }
  | { path: string; status: 'unchanged'; hash: string }
  | {
      path: string;
      status: 'skipped';
      /** null when the file could not be read. */
      hash: string | null;
      /** binary, minified, generated, unreadable or a parser failure, in words. */
      reason: string;
    };

/** Options for parsing files, in a pool or in the calling thread. */
export interface ParseOptions {
  /** Build full-text chunks for parsed files (default true). */
  chunks?: boolean;
}
