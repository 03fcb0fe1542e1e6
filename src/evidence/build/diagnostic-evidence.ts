/** Turns the diagnostics a change introduces into `fail` evidence attributed to the hunk holding each line. */
import { realpathSync } from 'node:fs';
import type { Evidence, EvidenceKind, Hunk } from '../../core/change.ts';
import { hunkAt } from './hunk-lines.ts';
import type { TypeDiagnostic } from './tsc-output.ts';

/** At most this many failures per check; the rest are summed up in one more item. */
export const maxFailures = 50;

/** Removes a worktree's absolute path from messages, so that the same diagnostic reads the same in both worktrees. */
export function withoutWorktree(dir: string, diagnostics: TypeDiagnostic[]): TypeDiagnostic[] {
  const prefixes = new Set([dir]);
  try {
    prefixes.add(realpathSync(dir));
  } catch {
    // a missing folder has no other spelling
  }
  return diagnostics.map((diagnostic) => {
    let message = diagnostic.message;
    for (const prefix of prefixes) message = message.split(`${prefix}/`).join('').split(prefix).join('.');
    return { ...diagnostic, message };
  });
}

/** The key under which a diagnostic in the base and one in the change count as the same. */
export function diagnosticKey(diagnostic: TypeDiagnostic): string {
  return `${diagnostic.code}\u0000${diagnostic.message}`;
}

/** `fail` items for new diagnostics: "<label> TS2339 at src/a.ts:12: Property 'foo' does not exist…". */
export function failuresFor(
  kind: EvidenceKind,
  label: string,
  diagnostics: readonly TypeDiagnostic[],
  hunks: readonly Hunk[],
  data: Record<string, unknown> = {},
): Evidence[] {
  const items: Evidence[] = diagnostics.slice(0, maxFailures).map((diagnostic) => {
    const hunk = diagnostic.path ? hunkAt(hunks, diagnostic.path, diagnostic.line) : undefined;
    const where = diagnostic.path ? ` at ${diagnostic.path}:${diagnostic.line}` : '';
    const firstLine = diagnostic.message.split('\n')[0] ?? '';
    return {
      kind,
      status: 'fail',
      message: `${label} ${diagnostic.code}${where}: ${firstLine}`,
      hunks: hunk ? [hunk.id] : [],
      ...(diagnostic.path ? { location: { path: diagnostic.path, line: diagnostic.line } } : {}),
      data: { ...data, code: diagnostic.code, column: diagnostic.column, message: diagnostic.message },
    };
  });
  if (diagnostics.length > maxFailures) {
    items.push({ kind, status: 'fail', message: `… and ${diagnostics.length - maxFailures} more new findings (${label})`, hunks: [], data });
  }
  return items;
}
