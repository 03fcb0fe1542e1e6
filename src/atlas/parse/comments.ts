/** Comment text without its markers, for doc comments and full-text search. */

const maxDoc = 4_000;

/**
 * Strips comment markers: `//`, `///`, `//!`, `#`, `/* *\/`, `/** *\/` and the leading `*`
 * of block comment lines. Returns trimmed text with inner line breaks kept.
 */
export function stripCommentMarkers(comment: string): string {
  if (comment.startsWith('/*')) {
    const body = comment.slice(comment.startsWith('/**') || comment.startsWith('/*!') ? 3 : 2, comment.endsWith('*/') ? -2 : undefined);
    if (!body.includes('\n')) return body.trim();
    return trimLines(body.split('\n').map((line) => line.replace(/^\s*\*(?!\/) ?/, '')));
  }
  if (!comment.includes('\n')) return stripLineMarker(comment).trim();
  return trimLines(comment.split('\n').map(stripLineMarker));
}

function stripLineMarker(line: string): string {
  return line.replace(/^\s*(\/\/[/!]?|#+) ?/, '');
}

/** Drops blank lines at both ends and trailing spaces; keeps the inner layout. */
function trimLines(lines: string[]): string {
  let first = 0;
  let last = lines.length - 1;
  while (first <= last && lines[first]!.trim() === '') first++;
  while (last >= first && lines[last]!.trim() === '') last--;
  const kept = lines.slice(first, last + 1).map((line) => line.trimEnd());
  if (kept.length > 0) kept[0] = kept[0]!.trimStart();
  return kept.join('\n');
}

/** Joins the stripped text of a run of comments into one doc string (at most 4,000 characters). */
export function docFromComments(comments: readonly string[]): string {
  const text = comments.map(stripCommentMarkers).join('\n').trim();
  return text.length <= maxDoc ? text : text.slice(0, maxDoc);
}

/** The text of a Python string literal used as a docstring, quotes removed and indentation cleaned. */
export function docFromDocstring(literal: string): string {
  const match = /^[rRuUbBfF]{0,2}("""|'''|"|')([\s\S]*?)\1$/.exec(literal.trim());
  const body = match ? match[2]! : literal;
  const lines = body.split('\n');
  // Like inspect.cleandoc: the first line as is, the rest dedented by their common indent.
  let indent = Infinity;
  for (const line of lines.slice(1)) {
    const stripped = line.trimStart();
    if (stripped) indent = Math.min(indent, line.length - stripped.length);
  }
  const rest = lines.slice(1).map((line) => (indent === Infinity ? line : line.slice(indent)));
  const text = trimLines([lines[0]!.trim(), ...rest]);
  return text.length <= maxDoc ? text : text.slice(0, maxDoc);
}
