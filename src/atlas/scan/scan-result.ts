/** What a scan of a repository finds: the files to parse, the entries skipped, and counts of the rest. */
import type { Language } from '../../core/types.ts';
import { fileKindOf } from '../languages.ts';

/** A file found by the scan. */
export interface ScannedFile {
  /** Relative to the root, with '/' separators. */
  path: string;
  absolutePath: string;
  size: number;
  mtimeMs: number;
  language: Language;
}

/** An entry the scan did not take, with the reason. */
export interface ScanSkip {
  path: string;
  reason: string;
}

export interface ScanResult {
  /** Files in a language codewright parses, in walk order (depth-first, names sorted). */
  files: ScannedFile[];
  skipped: ScanSkip[];
  /** Other files, counted by extension (`md`, `json`, ...) but not read or stat'ed. */
  other: Record<string, number>;
  /** Paths of the `package.json` (npm workspace packages), `go.mod` (Go modules) and `Cargo.toml` (Rust crates) files found. */
  manifests: string[];
  /** Paths of the `tsconfig*.json` and `jsconfig*.json` files found. */
  configs: string[];
}

const configName = /^(?:tsconfig|jsconfig)[^/]*\.json$/i;

/** An empty result to fill. */
export function emptyScanResult(): ScanResult {
  return { files: [], skipped: [], other: {}, manifests: [], configs: [] };
}

/** Records a file codewright does not parse: a manifest, a config, and its count by kind. */
export function recordOtherFile(result: ScanResult, path: string, name: string): void {
  if (name === 'package.json' || name === 'go.mod' || name === 'Cargo.toml') result.manifests.push(path);
  else if (configName.test(name)) result.configs.push(path);
  const kind = fileKindOf(path);
  result.other[kind] = (result.other[kind] ?? 0) + 1;
}
