/** How reports write figures and links: rates as percentages, money, seconds, tokens, and files relative to the report. */
import { posix } from 'node:path';
import type { GroupSummary } from '../score/summary-types.ts';

export const rate = (value: number | null | undefined): string => (value === null || value === undefined ? 'n/a' : `${(value * 100).toFixed(1)}%`);
export const dollars = (value: number): string => `$${value < 1 ? value.toFixed(4) : value.toFixed(2)}`;
export const seconds = (value: number): string => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} s`;
export const count = (value: number): string => Math.round(value).toLocaleString('en-US');

/** A measure's value: rates (names ending in Rate, acc@k, agreement) as percentages, the rest with 3 significant digits. */
export function measure(name: string, value: number): string {
  return /rate$|^acc@|agreement|accuracy/i.test(name) ? rate(value) : Number(value.toPrecision(3)).toString();
}

/** The pass@k columns a set of groups has, in order. */
export function passColumns(groups: readonly GroupSummary[]): string[] {
  const ks = new Set<number>();
  for (const group of groups) for (const key of Object.keys(group.passAtK)) ks.add(Number(key.slice(5)));
  return [...ks].sort((a, b) => a - b).map((k) => `pass@${k}`);
}

/** What excluded samples a group has, in words, or ''. */
export function excludedText(group: GroupSummary): string {
  const parts = [
    group.excluded.flaky ? `${group.excluded.flaky} flaky` : '',
    group.excluded.environmentError ? `${group.excluded.environmentError} environment-error` : '',
    group.excluded.brokenTask ? `${group.excluded.brokenTask} broken` : '',
    group.excluded.pending ? `${group.excluded.pending} pending` : '',
  ].filter(Boolean);
  return parts.join(', ');
}

/** The href of a run file (relative to the run folder) from a report whose folder reaches the run folder through `prefix`. */
export function runFileLink(prefix: string, file: string): string {
  return encodeURI(prefix === '' ? file : posix.join(prefix, file));
}
