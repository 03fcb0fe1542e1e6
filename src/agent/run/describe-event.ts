/** One trajectory event as short lines a person can read: messages abbreviated, tool calls with arguments and result sizes. */
import type { StoredEvent } from './trajectory-file.ts';

/** Text decoration; identity functions when there is no terminal. */
export interface ReplayStyle {
  bold(text: string): string;
  dim(text: string): string;
}

export const plainStyle: ReplayStyle = { bold: (text) => text, dim: (text) => text };

/** `text` on one line, cut to `limit` characters with a note of how much was left out. */
export function abbreviate(text: string, limit = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= limit ? flat : `${flat.slice(0, limit)}… (${flat.length} characters)`;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value));
const number = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const money = (value: unknown): string => `$${number(value).toFixed(4)}`;

function usageLine(event: StoredEvent): string {
  const cached = number(event.cachedInputTokens);
  return `tokens ${number(event.inputTokens)} in${cached ? ` (${cached} cached)` : ''}, ${number(event.outputTokens)} out, ${money(event.cost)}${event.finishReason ? ` (${text(event.finishReason)})` : ''}`;
}

function editLine(event: StoredEvent, kept: boolean): string {
  const path = text(event.path ?? event.file);
  const size = event.added !== undefined || event.removed !== undefined ? ` +${number(event.added)} -${number(event.removed)}` : '';
  const why = event.reason ?? event.summary ?? event.message;
  return `${kept ? 'edit kept' : 'edit discarded'}: ${path}${size}${why !== undefined ? `: ${abbreviate(text(why), 120)}` : ''}`;
}

interface HunkNote {
  path?: string;
  line?: number;
  verdict?: string;
  reason?: string;
}

function evidenceLines(event: StoredEvent): string[] {
  const counts = (event.counts ?? {}) as Record<string, number>;
  const verdicts = Object.entries(counts).filter(([, count]) => count > 0).map(([verdict, count]) => `${count} ${verdict}`).join(', ');
  const success = event.success as { passed?: boolean; summary?: string } | undefined;
  const lines = [`evidence: ${verdicts ? `hunks ${verdicts}` : 'no check report'}${success ? `; success check ${success.passed ? 'passed' : 'failed'}: ${abbreviate(text(success.summary), 120)}` : ''}`];
  for (const hunk of (Array.isArray(event.hunks) ? event.hunks : []) as HunkNote[]) {
    lines.push(`  ${text(hunk.path)}:${number(hunk.line)} ${text(hunk.verdict)}${hunk.reason ? `: ${abbreviate(text(hunk.reason), 120)}` : ''}`);
  }
  return lines;
}

interface CrossCheckCell {
  candidate?: string;
  author?: string;
  passed?: number;
  total?: number;
}

function crossCheckLines(event: StoredEvent): string[] {
  const lines = [`cross-check (round ${number(event.round)}):`];
  for (const cell of (Array.isArray(event.cells) ? event.cells : []) as CrossCheckCell[]) {
    lines.push(`  ${text(cell.candidate)} against tests by ${text(cell.author)}: ${number(cell.passed)}/${number(cell.total)} passed`);
  }
  for (const item of (Array.isArray(event.ranking) ? event.ranking : []) as { candidate?: string; score?: number }[]) {
    lines.push(`  score ${text(item.candidate)}: ${number(item.score).toFixed(2)}`);
  }
  return lines;
}

/** The lines of one event (without its time). */
export function describeEvent(event: StoredEvent): string[] {
  const step = event.step !== undefined ? `[${number(event.step)}] ` : '';
  switch (event.type) {
    case 'round-start':
      return [`round ${number(event.round)}${Array.isArray(event.parents) && event.parents.length > 0 ? `, refining ${event.parents.join(', ')}` : ''}`];
    case 'candidate-start':
      return [`started (round ${number(event.round)}, model ${text(event.model)}${event.system ? `, system prompt ${text(event.system).length} characters` : ''})`];
    case 'message':
      return [`${step}${text(event.role)}: ${abbreviate(text(event.text))}`];
    case 'tool-call':
      return [`${step}call ${text(event.tool)} ${abbreviate(text(event.input), 200)}`];
    case 'tool-result':
      return [event.error !== undefined ? `${step}  ${text(event.tool)} failed: ${abbreviate(text(event.error), 160)}` : `${step}  ${text(event.tool)} returned ${number(event.characters ?? text(event.output).length)} characters`];
    case 'edit':
      return [`${step}${editLine(event, true)}`];
    case 'edit-discarded':
      return [`${step}${editLine(event, false)}`];
    case 'usage':
      return [`${step}${usageLine(event)}`];
    case 'evidence':
      return evidenceLines(event);
    case 'question':
      return [`${step}question ${text(event.id)}${event.source ? ` (${text(event.source)})` : ''}: ${abbreviate(text(event.text), 200)}${Array.isArray(event.options) && event.options.length > 0 ? ` [${event.options.map(text).join(' | ')}]` : ''}`];
    case 'answer':
      return [`${step}answer ${text(event.id)} by ${text(event.by)}: ${abbreviate(text(event.answer), 200)}`];
    case 'limit-reached':
      return [`${step}limit reached: ${text(event.reason)}`];
    case 'error':
      return [`${step}error${event.code ? ` ${text(event.code)}` : ''}: ${abbreviate(text(event.message), 200)}`];
    case 'candidate-end':
      return [`ended: ${text(event.status)} after ${number(event.steps)} steps in ${(number(event.milliseconds) / 1000).toFixed(1)} s${event.answer ? `; answer: ${abbreviate(text(event.answer))}` : ''}`];
    case 'cross-check':
      return crossCheckLines(event);
    case 'selection':
      return [event.selected ? `selected candidate ${text(event.selected)}` : 'no candidate selected', ...text(event.explanation).split('\n').filter(Boolean).map((line) => `  ${line}`)];
    case 'run-end':
      return [`run ended: ${text(event.status)}${event.reason ? ` (${text(event.reason)})` : ''}`];
    default: {
      const { type, time: _time, candidate: _candidate, ...rest } = event;
      return [`${type} ${abbreviate(JSON.stringify(rest), 160)}`];
    }
  }
}
