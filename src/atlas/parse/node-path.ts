/** The path from the root to the walker's cursor, and how a name on that path is used. */
import type { ReferenceKind } from '../facts.ts';
import type { CompiledRules } from './compiled-rules.ts';
import { receiverText } from './text.ts';

/** How an identifier is used, and the receiver when it is a member (`a.b` -> `a`). */
export interface Use {
  kind: ReferenceKind;
  receiver: string;
}

/** Types, fields and (for some types) start offsets of the nodes from the root to the cursor, by depth. */
export class NodePath {
  readonly types: string[] = [];
  /** Set only for nodes with the `field` flag: names and the nodes they are classified through. */
  readonly fields: string[] = [];
  /** Set only for nodes with the `recordStart` flag: member accesses, wrappers, transparent nodes. */
  readonly starts: number[] = [];
  readonly #compiled: CompiledRules;

  constructor(compiled: CompiledRules) {
    this.#compiled = compiled;
  }

  /** How the identifier at `depth` (starting at `start`) is used, or null for declarations and keys. */
  use(source: string, depth: number, start: number, typeIdentifier: boolean): Use | null {
    const { types, fields } = this;
    let kind = this.#kindFor(types[depth - 1]!, fields[depth]!);
    if (kind === null) return null;
    let at = depth;
    let receiver = '';
    if (kind === undefined) {
      at = this.#climb(depth);
      if (at !== depth) kind = this.#kindFor(types[at - 1]!, fields[at]!);
    }
    const member = this.#compiled.members.get(types[at - 1]!);
    if (kind !== null && member !== undefined && member === fields[at]) {
      receiver = receiverText(source, this.starts[at - 1]!, at === depth ? start : this.starts[at]!);
      if (kind === undefined) {
        // A member is used the way its access is: `a.b()` calls `b`.
        at = this.#climb(at - 1);
        kind = this.#kindFor(types[at - 1]!, fields[at]!);
      }
    }
    if (kind === null) return null;
    if (kind === undefined) kind = typeIdentifier || this.#inTypeContext(depth) ? 'type' : 'read';
    return { kind, receiver };
  }

  /** Moves up through transparent wrappers (parentheses, expression lists). */
  #climb(depth: number): number {
    const transparent = this.#compiled.transparent;
    while (depth > 1 && transparent.has(this.types[depth - 1]!)) depth--;
    return depth;
  }

  /** The use table's answer for a child in `field` of a `parent`: a kind, null (skip) or undefined (no rule). */
  #kindFor(parent: string, field: string): ReferenceKind | null | undefined {
    const byField = this.#compiled.uses.get(parent);
    if (byField === undefined) return undefined;
    const kind = byField.get(field);
    return kind !== undefined ? kind : byField.get('*');
  }

  #inTypeContext(depth: number): boolean {
    const contexts = this.#compiled.typeContexts;
    if (contexts.size === 0) return false;
    for (let up = 1; up <= 3 && depth - up >= 0; up++) if (contexts.has(this.types[depth - up]!)) return true;
    return false;
  }
}
