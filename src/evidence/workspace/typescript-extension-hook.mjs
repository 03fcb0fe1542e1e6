// Preload for `node --import`: installs the resolve hooks of typescript-extension-resolve.mjs in this process.
import module from 'node:module';
import { resolveSync } from './typescript-extension-resolve.mjs';

if (typeof module.registerHooks === 'function') module.registerHooks({ resolve: resolveSync });
else module.register('./typescript-extension-resolve.mjs', import.meta.url);
