/** Takes the code out of a model's answer: the first fenced block when there is one, else the whole text. */

const fence = /```[\w+#-]*[ \t]*\r?\n([\s\S]*?)```/;

/** The code of an answer: the body of its first ``` fenced block, or the answer itself when it has none. */
export function codeOfAnswer(answer: string): string {
  const block = fence.exec(answer);
  return block ? (block[1] ?? '') : answer;
}
