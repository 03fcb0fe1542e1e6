/** The preload that lets child processes import `.ts` sources through `.js` specifiers, as TypeScript projects write them. */

/**
 * File URL of a plain-JavaScript preload, for `node --import=<url>`: a relative or absolute `.js`, `.jsx`, `.mjs` or `.cjs`
 * specifier that names no file resolves to its `.ts`, `.tsx`, `.mts` or `.cts` sibling. Plain JavaScript so that it loads
 * in any child, with or without type stripping.
 */
export const typescriptExtensionHook = new URL('./typescript-extension-hook.mjs', import.meta.url).href;
