/** Small builders of success reports shared by the families' checks. */
import type { SuccessReport } from '../types.ts';

/** A failed report with no score. */
export function failedReport(summary: string, details: string[] = [], measures?: Record<string, number>): SuccessReport {
  return { passed: false, score: 0, summary, details, ...(measures ? { measures } : {}) };
}

/** `a.ts, b.ts` with at most `limit` names and a count of the rest. */
export function listNames(names: readonly string[], limit = 5): string {
  const shown = names.slice(0, limit).join(', ');
  return names.length > limit ? `${shown} and ${names.length - limit} more` : shown;
}
