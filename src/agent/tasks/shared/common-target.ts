/** Reads the target of `document` and `test`: a path (file or folder), a symbol, or both (`src/cart.ts#total`, `calc/stats.py:half`). */

export interface TaskTarget {
  path?: string;
  /** `total`, or `Cart.add` for a method. */
  symbol?: string;
}

/** Splits a target as the CLI takes it; a leading `./` and a trailing `/` are dropped. */
export function readTarget(target: string): TaskTarget {
  const trimmed = target.trim().replace(/^\.\//, '');
  const withSymbol = /^(.+\.[A-Za-z0-9]+)[#:]([\w.$]+)$/.exec(trimmed);
  if (withSymbol) return { path: withSymbol[1]!, symbol: withSymbol[2]! };
  if (trimmed.includes('/') || /\.(?:[cm]?[jt]sx?|pyi?)$/.test(trimmed)) return { path: trimmed.replace(/\/$/, '') };
  return { symbol: trimmed };
}

/** True when `name` (`Cart.add`, `total`) is the symbol, a member of it, or the member it names. */
export function matchesSymbol(name: string, symbol: string): boolean {
  return name === symbol || name.endsWith(`.${symbol}`) || name.startsWith(`${symbol}.`);
}

/** True when `file` is the target path or lies in the target folder. */
export function inTargetPath(file: string, targetPath: string): boolean {
  return file === targetPath || file.startsWith(`${targetPath}/`);
}
