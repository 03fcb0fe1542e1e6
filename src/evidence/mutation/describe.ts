/** One-line descriptions of mutants for messages: "line 41 `<` → `<=`", "line 44 removed call `validate(x)`". */
import type { Mutant } from './types.ts';

const maxLength = 48;

function short(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}

/** What the mutant did, with its line. */
export function describeMutant(mutant: Mutant): string {
  const at = `line ${mutant.line}`;
  switch (mutant.operator) {
    case 'removed-call':
      return `${at} removed call \`${short(mutant.original.replace(/;\s*$/, ''))}\``;
    case 'negated-condition':
      return `${at} negated condition \`${short(mutant.original)}\``;
    case 'return-value':
      return `${at} returns \`${short(mutant.replacement)}\` instead of \`${short(mutant.original)}\``;
    default:
      if (mutant.replacement === '') return `${at} removed \`${short(mutant.original)}\``;
      return `${at} \`${short(mutant.original)}\` → \`${short(mutant.replacement)}\``;
  }
}
