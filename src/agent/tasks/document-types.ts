/** What the document family's checks report about each function whose doc comment the change added or changed. */

/** One documented function and what is wrong with its doc comment (nothing when its claims check out). */
export interface DocumentedFunction {
  path: string;
  name: string;
  /** 1-based line of the declaration. */
  line: number;
  problems: string[];
}
