/** What an index run did, for the end-of-run summary. */

export interface IndexSummary {
  root: string;
  files: number;
  byLanguage: Record<string, number>;
  parsed: number;
  unchanged: number;
  added: number;
  removed: number;
  partial: { path: string; reason: string }[];
  skipped: { path: string; reason: string }[];
  unsupported: number;
  symbols: number;
  references: number;
  imports: number;
  history: { commits: number; newCommits: number; fixCommits: number } | { unavailable: string };
  precise?: { resolved: number; identifiers: number; milliseconds: number } | { failed: string };
  /** How the files were found: `listed by git`, `walked: <why>`, `changed paths only`, and why a run told the changed paths scanned everything. */
  scan: string;
  milliseconds: number;
  stages: Record<string, number>;
}
