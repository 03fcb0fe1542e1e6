// Resolve hooks: a missing `./x.js` falls back to `./x.ts`, the rule of TypeScript's NodeNext and bundler resolution.
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Extensions TypeScript sources are imported with, and the source extensions they stand for, in TypeScript's order. */
const sourceExtensions = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

/** `import` and `require` report a missing file with different codes. */
const notFoundCodes = new Set(['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND']);

const isFile = (url) => statSync(fileURLToPath(url), { throwIfNoEntry: false })?.isFile() === true;

/**
 * The specifier of the existing TypeScript sibling that a relative or absolute file specifier with a JavaScript extension
 * stands for, if any. Only the extension changes, so `require` (paths) and `import` (URLs) both resolve it.
 */
function typescriptSibling(specifier, parentURL) {
  const extension = /\.(?:[cm]?js|jsx)$/.exec(specifier)?.[0];
  if (!extension || !/^(\.{1,2}\/|\/|file:)/.test(specifier)) return undefined;
  if (!specifier.startsWith('file:') && !parentURL?.startsWith('file:')) return undefined;
  const stem = specifier.slice(0, -extension.length);
  return sourceExtensions[extension].map((candidate) => stem + candidate).find((candidate) => isFile(new URL(candidate, parentURL)));
}

/** The synchronous hook of `module.registerHooks` (Node >= 22.15): tries the sibling only when the default resolution finds nothing. */
export function resolveSync(specifier, context, nextResolve) {
  try {
    return nextResolve(specifier, context);
  } catch (error) {
    const sibling = notFoundCodes.has(error?.code) ? typescriptSibling(specifier, context.parentURL) : undefined;
    if (sibling === undefined) throw error;
    return nextResolve(sibling, context);
  }
}

/** The asynchronous hook of `module.register` (older Node), loaded in the hooks thread. */
export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const sibling = notFoundCodes.has(error?.code) ? typescriptSibling(specifier, context.parentURL) : undefined;
    if (sibling === undefined) throw error;
    return nextResolve(sibling, context);
  }
}
