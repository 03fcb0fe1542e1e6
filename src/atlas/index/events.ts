/** Progress events of an index run, for the CLI and other adapters to render. */

export type IndexEvent =
  | { type: 'stage-start'; stage: IndexStage }
  | { type: 'stage-end'; stage: IndexStage; milliseconds: number; detail: string }
  | { type: 'parse-progress'; done: number; total: number; path: string }
  | { type: 'warning'; message: string };

export type IndexStage = 'scan' | 'parse' | 'indexes' | 'imports' | 'history' | 'longevity' | 'precise' | 'finish';

export type IndexEventHandler = (event: IndexEvent) => void;
