/** Which installed package a declaration file belongs to, and how to name it in a message (`zod 4.6.7`). */
import { readInstalledPackage, type InstalledPackage } from '../build/installed-package.ts';

const cache = new Map<string, InstalledPackage | undefined>();

/** The package folder of a file under node_modules: `…/node_modules/zod` or `…/node_modules/@scope/name`. */
export function packageDirOf(fileName: string): string | undefined {
  const normalized = fileName.replace(/\\/g, '/');
  const marker = normalized.lastIndexOf('/node_modules/');
  if (marker < 0) return undefined;
  const rest = normalized.slice(marker + '/node_modules/'.length).split('/');
  const length = rest[0]?.startsWith('@') ? 2 : 1;
  if (rest.length <= length) return undefined;
  return `${normalized.slice(0, marker)}/node_modules/${rest.slice(0, length).join('/')}`;
}

/** The installed package holding `fileName`, read once per folder. */
export function packageOfFile(fileName: string): InstalledPackage | undefined {
  const dir = packageDirOf(fileName);
  if (!dir) return undefined;
  if (!cache.has(dir)) cache.set(dir, readInstalledPackage(dir));
  return cache.get(dir);
}

/** `zod 4.6.7 (installed)`. */
export function describePackage(installed: InstalledPackage): string {
  return `${installed.name} ${installed.version} (installed)`;
}
