/** Tells lines that can execute from blank, comment-only and brace-only lines, by their text. */

const structural = /^[\s{}()[\];,]*$/;
const blockKeyword = /^\}?\s*(else|try|finally|do)\s*\{?\s*$/;

/** True when a line of a script file holds code (not blank, comment or lone punctuation). */
export function isScriptCodeLine(text: string, inBlockComment: boolean): boolean {
  const trimmed = text.trim();
  if (inBlockComment || trimmed === '' || trimmed.startsWith('//') || trimmed.startsWith('/*') || trimmed.startsWith('*')) return false;
  return !structural.test(trimmed) && !blockKeyword.test(trimmed);
}

/** True when a line of a Python file holds code (not blank, comment, or a bare `else:`/`try:`). */
export function isPythonCodeLine(text: string): boolean {
  const trimmed = text.trim();
  return trimmed !== '' && !trimmed.startsWith('#') && !/^(else|try|finally)\s*:$/.test(trimmed) && !structural.test(trimmed);
}

/** 1-based numbers of the lines of `source` that hold code, by the conventions of `path`'s language. */
export function codeLines(path: string, source: string): Set<number> {
  const python = /\.pyi?$/.test(path);
  const lines = source.split('\n');
  const code = new Set<number>();
  let inBlockComment = false;
  lines.forEach((text, index) => {
    if (python ? isPythonCodeLine(text) : isScriptCodeLine(text, inBlockComment)) code.add(index + 1);
    if (!python) {
      // Track /* … */ spanning lines; a comment that closes on its own line ends there.
      const opens = text.lastIndexOf('/*');
      const closes = text.lastIndexOf('*/');
      if (opens > closes) inBlockComment = true;
      else if (closes >= 0) inBlockComment = false;
    }
  });
  return code;
}
