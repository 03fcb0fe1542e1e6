/** Cuts long text to a character budget, keeping its head and tail and saying what was left out. */

const numberFormat = new Intl.NumberFormat('en-US');

/** `1,234` */
export function formatCount(value: number): string {
  return numberFormat.format(value);
}

/**
 * `text` when it fits in `limit` characters; otherwise its first and last lines (about two thirds
 * head, one third tail, cut at line ends) around a note such as
 * `[... 3,214 lines cut; narrow with startLine/endLine]`.
 */
export function cutMiddle(text: string, limit: number, hint: string): string {
  if (text.length <= limit) return text;
  const budget = Math.max(200, limit - 120);
  let headEnd = Math.floor(budget * 0.65);
  let tailStart = text.length - (budget - headEnd);
  const headLine = text.lastIndexOf('\n', headEnd);
  if (headLine > headEnd / 2) headEnd = headLine;
  const tailLine = text.indexOf('\n', tailStart);
  if (tailLine >= 0 && tailLine - tailStart < (text.length - tailStart) / 2) tailStart = tailLine + 1;
  const cut = text.slice(headEnd, tailStart);
  const lines = cut.split('\n').length - 1;
  const amount = lines > 1 ? `${formatCount(lines)} lines` : `${formatCount(cut.length)} characters`;
  const head = text.slice(0, headEnd).replace(/\n$/, '');
  return `${head}\n[... ${amount} cut; ${hint}]\n${text.slice(tailStart)}`;
}
