/** Folders never scanned, whatever the ignore files say. */

/** Folders never scanned: version control data, codewright's own, installed packages. */
export const alwaysIgnoredDirectories: ReadonlySet<string> = new Set(['.git', '.hg', '.svn', '.codewright', 'node_modules']);
