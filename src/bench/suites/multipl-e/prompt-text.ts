/** MultiPL-E prompts: the doc comment rebuilt where a copy lost its `//` markers, and the signature read from the last line. */

const signatureLine = /^\s*(?:export\s+)?(?:async\s+)?function\s+([A-Za-z_$][\w$]*)\s*(?:<[^>]*>)?\s*\(/;

/**
 * Puts `// ` back on every doc-comment line above the signature that lacks it. Some stored copies of the
 * TypeScript prompts keep `//` only on the first line of the comment, which leaves the prompt unparsable.
 */
export function rebuildPrompt(prompt: string): string {
  const lines = prompt.split('\n');
  const signature = lines.findLastIndex((line) => signatureLine.test(line));
  if (signature <= 0) return prompt;
  return lines.map((line, index) => (index >= signature || line.startsWith('//') ? line : line === '' ? '//' : `// ${line}`)).join('\n');
}

/** The name of the function the prompt declares last (the one to complete). */
export function promptFunctionName(prompt: string): string | undefined {
  const lines = prompt.split('\n');
  for (let index = lines.length - 1; index >= 0; index--) {
    const match = signatureLine.exec(lines[index] ?? '');
    if (match) return match[1];
  }
  return undefined;
}

/** The doc comment's words, without the `//` markers. */
export function promptDescription(prompt: string): string {
  return prompt
    .split('\n')
    .filter((line) => line.startsWith('//'))
    .map((line) => line.replace(/^\/\/ ?/, ''))
    .join('\n')
    .trim();
}

/**
 * True when `code` declares `function name(` at the start of a line (a whole function), false when it continues the
 * prompt's open signature: a continuation may well declare an inner helper of the same name with `const`.
 */
export function declaresFunction(code: string, name: string): boolean {
  const escaped = name.replace(/\$/g, '\\$');
  return new RegExp(`(^|\\n)(export\\s+)?(async\\s+)?function\\s+${escaped}\\s*[<(]`).test(code);
}

/** The program to compile: the completed function (the prompt plus a continuation, or a whole function), then the tests. */
export function programFor(prompt: string, completion: string, tests: string): string {
  const name = promptFunctionName(prompt);
  const code = name && declaresFunction(completion, name) ? completion : `${prompt}${completion}`;
  return `${code}\n\n${tests}\n`;
}
