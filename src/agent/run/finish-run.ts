/** Ends a run: its status, candidates, selection and spend go into `run.json`, and `run-end` closes the trajectory. */
import type { Run } from './create-run.ts';
import type { RunCandidate, RunRecord, RunSpend, RunStatus } from './run-record.ts';

/** How a run ended. */
export interface RunOutcome {
  status: Exclude<RunStatus, 'running'>;
  selected?: string;
  /** Why the selected candidate won. */
  selection?: string;
  /** Merged into the record by id: later fields win, a saved diff is kept. */
  candidates?: RunCandidate[];
  spend?: RunSpend;
  /** Why the run failed or stopped early. */
  reason?: string;
}

/** Records the outcome, writes `run.json`, records `run-end` and closes the trajectory. Returns the final record. */
export function finishRun(run: Run, outcome: RunOutcome): RunRecord {
  const endedAt = new Date();
  const milliseconds = endedAt.getTime() - Date.parse(run.record.startedAt);
  run.trajectory.record({
    type: 'run-end',
    status: outcome.status,
    ...(outcome.selected ? { selected: outcome.selected } : {}),
    ...(outcome.reason ? { reason: outcome.reason } : {}),
    ...(outcome.spend ? { spend: outcome.spend } : {}),
    milliseconds,
  });
  const record = run.update((current) => {
    current.status = outcome.status;
    current.endedAt = endedAt.toISOString();
    for (const candidate of outcome.candidates ?? []) {
      const index = current.candidates.findIndex((item) => item.id === candidate.id);
      if (index < 0) current.candidates.push(candidate);
      else current.candidates[index] = { ...current.candidates[index], ...candidate };
    }
    if (outcome.selected) current.selected = outcome.selected;
    if (outcome.selection) current.selection = run.redact(outcome.selection).text;
    if (outcome.reason) current.reason = run.redact(outcome.reason).text;
    current.spend = { ...(outcome.spend ?? current.spend), milliseconds };
  });
  run.trajectory.close();
  return record;
}
