/** Turns comparison results into per-hunk evidence: pass, fail under a refactor, warn otherwise. */
import type { Evidence, Intent } from '../../core/change.ts';
import type { BehaviourResult } from './compare-behaviour.ts';
import { formatArguments, formatOutcome } from './format.ts';
import type { PlannedFunction, SkippedHunk } from './plan-targets.ts';

function subject(planned: PlannedFunction): string {
  const name = `\`${planned.change.localName}\``;
  return planned.via.length > 0 ? `${name} (calls ${planned.via.map((via) => `\`${via}\``).join(', ')})` : name;
}

function inputsPhrase(runs: number, harvested: number): string {
  if (runs === 0) return `${harvested} input${harvested === 1 ? '' : 's'} from the tests`;
  const generated = `${runs} generated input${runs === 1 ? '' : 's'}`;
  return harvested > 0 ? `${generated} and ${harvested} from the tests` : generated;
}

function message(planned: PlannedFunction, result: BehaviourResult, intent: Intent): { status: Evidence['status']; message: string } {
  switch (result.status) {
    case 'same': {
      const late = result.interrupted ? ' (time limit reached)' : planned.untyped ? ` (no generated inputs: ${planned.untyped})` : '';
      return { status: 'pass', message: `${subject(planned)}: ${inputsPhrase(result.runs, result.harvested)} behave as before${late}` };
    }
    case 'different': {
      const difference = `for input ${formatArguments(result.args)} base ${formatOutcome(result.base)} and the change ${formatOutcome(result.change)}`;
      if (intent === 'refactor') return { status: 'fail', message: `suspicious: ${subject(planned)} ${difference} (refactor should not change behaviour)` };
      return { status: 'warn', message: `behaviour change to review: ${subject(planned)} ${difference}` };
    }
    case 'unavailable':
      return { status: 'unavailable', message: `${subject(planned)} cannot be compared: ${result.reason}` };
  }
}

/** Evidence for one compared function, about every hunk it speaks for. */
export function functionEvidence(planned: PlannedFunction, result: BehaviourResult, intent: Intent, seed: number): Evidence {
  const { status, message: text } = message(planned, result, intent);
  const data: Record<string, unknown> = {
    function: planned.change.localName,
    exportPath: planned.change.exportPath,
    via: planned.via,
    seed,
    runs: result.runs,
    milliseconds: result.milliseconds,
  };
  if (result.status === 'same') data.harvested = result.harvested;
  if (result.status === 'different') {
    data.counterexample = { input: formatArguments(result.args), args: result.args, base: result.base, change: result.change };
    data.shrinks = result.shrinks;
  }
  if (result.status === 'unavailable') data.reason = result.reason;
  return { kind: 'differential', status, message: text, hunks: planned.hunkIds, location: { path: planned.path, line: planned.change.startLine }, data };
}

/** Evidence for a hunk or function that could not be compared. */
export function skippedEvidence(skipped: SkippedHunk): Evidence {
  return {
    kind: 'differential',
    status: 'unavailable',
    message: skipped.reason,
    hunks: skipped.hunkIds,
    ...(skipped.location ? { location: skipped.location } : {}),
    data: { reason: skipped.reason },
  };
}
