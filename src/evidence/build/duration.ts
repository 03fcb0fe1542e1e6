/** Formats a time limit for messages: `120 s`, or `250 ms` below one second. */

/** `120 s` for 120000, `250 ms` for 250. */
export function formatDuration(milliseconds: number): string {
  return milliseconds >= 1000 ? `${Math.round(milliseconds / 1000)} s` : `${Math.round(milliseconds)} ms`;
}
