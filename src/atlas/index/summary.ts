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
  milliseconds: number;
  stages: Record<string, number>;
}
