/** Turns a disagreement into a concrete question with one option per distinct behaviour, and picks the majority when nobody answers. */
import type { UserQuestion } from '../types.ts';
import type { Disagreement } from './find-disagreements.ts';

export interface BehaviourOption {
  /** The option text shown: `A, C: returns 0`. */
  label: string;
  /** The behaviour: `returns 0`, `throws TypeError: ...`. */
  behaviour: string;
  candidates: string[];
}

/** Distinct behaviours at the disagreeing input, most candidates first (ties: the leader's first). */
export function behaviourOptions(disagreement: Disagreement): BehaviourOption[] {
  const groups = new Map<string, string[]>();
  for (const item of disagreement.outcomes) groups.set(item.text, [...(groups.get(item.text) ?? []), item.candidate]);
  return [...groups]
    .map(([behaviour, candidates]) => ({ label: `${candidates.join(', ')}: ${behaviour}`, behaviour, candidates }))
    .sort((left, right) => right.candidates.length - left.candidates.length);
}

function describe(option: BehaviourOption): string {
  const who = option.candidates.length === 1 ? `candidate ${option.candidates[0]}` : `candidates ${option.candidates.join(' and ')}`;
  return `${who} ${option.behaviour.replace(/^returns /, 'return' + (option.candidates.length === 1 ? 's ' : ' ')).replace(/^throws /, option.candidates.length === 1 ? 'throws ' : 'throw ')}`;
}

/** "For input `[]`, candidate A returns 0 and candidate B throws TypeError. Which is intended?" */
export function questionFor(disagreement: Disagreement, id: string): { question: UserQuestion; options: BehaviourOption[] } {
  const options = behaviourOptions(disagreement);
  const phrases = options.map(describe);
  const listed = phrases.length <= 2 ? phrases.join(' and ') : `${phrases.slice(0, -1).join(', ')} and ${phrases.at(-1)}`;
  const text = `For input \`${disagreement.input}\` to \`${disagreement.functionName}\` (${disagreement.path}), ${listed}. Which is intended?`;
  return { question: { id, text, options: options.map((option) => option.label), source: 'disagreement' }, options };
}
