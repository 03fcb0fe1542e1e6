/** How a change moves structure: cyclomatic complexity and duplicated lines of the touched files, before and after. */
import { fileComplexity } from './complexity.ts';
import { duplicatedLines } from './duplication.ts';
import type { FileVersions } from './file-versions.ts';

function totalComplexity(files: ReadonlyMap<string, string>): number {
  let total = 0;
  for (const [path, text] of files) total += fileComplexity(path, text) ?? 0;
  return total;
}

/** Complexity of the JavaScript and TypeScript files, duplicated lines of all text files, before and after. */
export interface StructureMeasures extends Record<string, number> {
  complexityBefore: number;
  complexityAfter: number;
  complexityDelta: number;
  duplicatedBefore: number;
  duplicatedAfter: number;
  duplicationDelta: number;
}

/** The measures of the touched files' two versions. */
export function structureMeasures(versions: FileVersions): StructureMeasures {
  const complexityBefore = totalComplexity(versions.before);
  const complexityAfter = totalComplexity(versions.after);
  const duplicatedBefore = duplicatedLines(versions.before);
  const duplicatedAfter = duplicatedLines(versions.after);
  return {
    complexityBefore,
    complexityAfter,
    complexityDelta: complexityAfter - complexityBefore,
    duplicatedBefore,
    duplicatedAfter,
    duplicationDelta: duplicatedAfter - duplicatedBefore,
  };
}
