/** `show`: a run replayed as text, candidate by candidate, then the run's own events (questions, cross-checks, selection). */
import type { Usage } from '../types.ts';
import type { ReplayStyle } from './describe-event.ts';
import { abbreviate, describeEvent, plainStyle } from './describe-event.ts';
import type { RunRecord } from './run-record.ts';
import type { StoredEvent } from './trajectory-file.ts';

/** One line of `codewright runs`. */
export interface RunSummary {
  id: string;
  startedAt: string;
  endedAt?: string;
  family: string;
  /** The task text on one line, cut short. */
  text: string;
  model: string;
  status: string;
  candidates: { id: string; status: string }[];
  selected?: string;
  cost: number;
  tokens: number;
  /** The candidate applied to the user's tree and not undone. */
  applied?: string;
}

/** The summary of a run for listings. */
export function summarizeRun(record: RunRecord): RunSummary {
  const applied = record.applications.find((item) => !item.undoneAt)?.candidate;
  return {
    id: record.id,
    startedAt: record.startedAt,
    ...(record.endedAt ? { endedAt: record.endedAt } : {}),
    family: record.task.family,
    text: abbreviate(record.task.text ?? '', 60),
    model: record.model,
    status: record.status,
    candidates: record.candidates.map((item) => ({ id: item.id, status: item.status })),
    ...(record.selected ? { selected: record.selected } : {}),
    cost: record.spend.cost,
    tokens: record.spend.inputTokens + record.spend.outputTokens,
    ...(applied ? { applied } : {}),
  };
}

function sumUsage(events: readonly StoredEvent[]): Usage {
  const total: Usage = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cost: 0 };
  for (const event of events) {
    if (event.type !== 'usage') continue;
    for (const key of Object.keys(total) as (keyof Usage)[]) total[key] += typeof event[key] === 'number' ? (event[key] as number) : 0;
  }
  return total;
}

const clock = (time: string) => (time.length >= 19 ? time.slice(11, 19) : time);

/** The replay of a run: a header, one section per candidate, the run's own events, and how it ended. */
export function replayRun(record: RunRecord, events: readonly StoredEvent[], style: ReplayStyle = plainStyle): string[] {
  const { bold, dim } = style;
  const lines = [
    bold(`run ${record.id}`) + ` ${record.status}`,
    `task: ${record.task.family}: ${abbreviate(record.task.text ?? '', 200)}${record.task.target ? ` (target ${record.task.target})` : ''}`,
    `model ${record.model}; base ${record.base.slice(0, 12)}${record.head ? ` on HEAD ${record.head.slice(0, 12)}` : ''}; started ${record.startedAt}${record.endedAt ? `, ended ${record.endedAt}` : ''}`,
  ];
  const byCandidate = new Map<string, StoredEvent[]>();
  const runEvents: StoredEvent[] = [];
  for (const event of events) {
    if (event.type === 'run-start') continue;
    if (typeof event.candidate === 'string' && event.type !== 'cross-check' && event.type !== 'selection') {
      const list = byCandidate.get(event.candidate) ?? [];
      list.push(event);
      byCandidate.set(event.candidate, list);
    } else runEvents.push(event);
  }
  for (const [candidate, list] of byCandidate) {
    const entry = record.candidates.find((item) => item.id === candidate);
    const usage = sumUsage(list);
    lines.push('', bold(`candidate ${candidate}`) + dim(` ${entry?.status ?? ''}${entry?.diff ? (entry.files ? `, ${entry.files} files changed (${entry.diff})` : ', no change') : ''}; ${usage.inputTokens + usage.outputTokens} tokens, $${usage.cost.toFixed(4)}`));
    for (const event of list) for (const line of describeEvent(event)) lines.push(`  ${dim(clock(event.time))} ${line}`);
  }
  if (runEvents.length > 0) lines.push('', bold('run'));
  for (const event of runEvents) for (const line of describeEvent(event)) lines.push(`  ${dim(clock(event.time))} ${line}`);
  lines.push('', bold('result'));
  lines.push(`  ${record.selected ? `selected candidate ${record.selected}` : 'no candidate selected'}${record.reason ? `; ${record.reason}` : ''}`);
  if (record.selection) for (const line of record.selection.split('\n')) lines.push(`  ${line}`);
  const spend = record.spend;
  lines.push(`  spent ${spend.inputTokens} input and ${spend.outputTokens} output tokens, $${spend.cost.toFixed(4)}, ${(spend.milliseconds / 1000).toFixed(1)} s`);
  for (const application of record.applications) {
    lines.push(`  applied candidate ${application.candidate} at ${application.appliedAt}${application.undoneAt ? `, undone at ${application.undoneAt}` : ''}`);
  }
  return lines;
}
