/** Parse outcomes as they cross from a worker to the pool: references as columns, not objects. */
import type { ReferenceFact, ReferenceKind } from '../facts.ts';
import type { ParseOutcome } from './types.ts';

/**
 * A file's references as columns. Copying between threads clones every object with its keys; as
 * columns a file's references cost a fraction of that to send and to receive.
 */
export interface PackedReferences {
  names: string[];
  kinds: ReferenceKind[];
  receivers: string[];
  /** line, column, enclosing of each reference in turn. */
  positions: Int32Array;
}

type Parsed = Extract<ParseOutcome, { status: 'parsed' }>;

/** A parse outcome in the form a worker posts: a parsed file's references packed. */
export type WireOutcome = Exclude<ParseOutcome, Parsed> | (Parsed & { packedReferences?: PackedReferences });

/** Packs a parsed outcome's references for posting; other outcomes go as they are. */
export function toWire(outcome: ParseOutcome): WireOutcome {
  if (outcome.status !== 'parsed') return outcome;
  const references = outcome.facts.references;
  const count = references.length;
  const packed: PackedReferences = {
    names: new Array<string>(count),
    kinds: new Array<ReferenceKind>(count),
    receivers: new Array<string>(count),
    positions: new Int32Array(count * 3),
  };
  for (let index = 0; index < count; index++) {
    const reference = references[index]!;
    packed.names[index] = reference.name;
    packed.kinds[index] = reference.kind;
    packed.receivers[index] = reference.receiver;
    packed.positions[index * 3] = reference.line;
    packed.positions[index * 3 + 1] = reference.column;
    packed.positions[index * 3 + 2] = reference.enclosing;
  }
  return { ...outcome, facts: { ...outcome.facts, references: [] }, packedReferences: packed };
}

/** The outcome a worker packed with `toWire`, as it was. */
export function fromWire(outcome: WireOutcome): ParseOutcome {
  if (outcome.status !== 'parsed' || !outcome.packedReferences) return outcome;
  const { packedReferences: packed, ...parsed } = outcome;
  const references = new Array<ReferenceFact>(packed.names.length);
  for (let index = 0; index < references.length; index++) {
    references[index] = {
      name: packed.names[index]!,
      kind: packed.kinds[index]!,
      line: packed.positions[index * 3]!,
      column: packed.positions[index * 3 + 1]!,
      enclosing: packed.positions[index * 3 + 2]!,
      receiver: packed.receivers[index]!,
    };
  }
  parsed.facts.references = references;
  return parsed;
}
