/** Finds the lines of ERROR and MISSING nodes, looking only inside subtrees that contain errors. */
import type { Node } from 'web-tree-sitter';

/** The 1-based lines of the first `limit` syntax errors under `root`, in document order. */
export function syntaxErrorLines(root: Node, limit = 10): number[] {
  const lines: number[] = [];
  const visit = (node: Node): void => {
    if (lines.length >= limit) return;
    if (node.isError || node.isMissing) {
      const line = node.startPosition.row + 1;
      if (lines[lines.length - 1] !== line) lines.push(line);
      if (node.isMissing) return;
    }
    const count = node.childCount;
    for (let index = 0; index < count && lines.length < limit; index++) {
      const child = node.child(index);
      if (child && (child.hasError || child.isMissing)) visit(child);
    }
  };
  visit(root);
  return lines;
}
