/** Reads `git blame --incremental` output: one call per group of lines that one commit wrote. */
import { createSplitter, type StreamSplitter } from './split-stream.ts';

/** A blame group: `count` lines from `finalLine` of the blamed file, written by `sha` at `sourceLine` of its version. */
export interface BlameGroup {
  sha: string;
  sourceLine: number;
  finalLine: number;
  count: number;
}

const groupHeader = /^([0-9a-f]{40}|[0-9a-f]{64}) (\d+) (\d+) (\d+)$/;

/** A splitter for blame's stdout that calls `onGroup` for each group header (the key-value lines after it are skipped). */
export function blameGroupSplitter(onGroup: (group: BlameGroup) => void): StreamSplitter {
  // Each group is a header line, then key-value lines ending with `filename`.
  let inGroup = false;
  return createSplitter(10, (line) => {
    if (inGroup) {
      if (line.startsWith('filename ')) inGroup = false;
      return;
    }
    const match = groupHeader.exec(line);
    if (!match) return;
    inGroup = true;
    onGroup({ sha: match[1]!, sourceLine: Number(match[2]), finalLine: Number(match[3]), count: Number(match[4]) });
  });
}
