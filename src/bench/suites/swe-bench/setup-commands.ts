/** The commands that install a repository's dependencies in a fresh checkout: the lockfile's package manager, or pip. */
import type { PackageManager } from './test-command.ts';

const lockfiles: [string, PackageManager, string][] = [
  ['pnpm-lock.yaml', 'pnpm', 'pnpm install --frozen-lockfile'],
  ['yarn.lock', 'yarn', 'yarn install --frozen-lockfile'],
  ['bun.lock', 'bun', 'bun install --frozen-lockfile'],
  ['bun.lockb', 'bun', 'bun install --frozen-lockfile'],
  ['package-lock.json', 'npm', 'npm ci'],
  ['npm-shrinkwrap.json', 'npm', 'npm ci'],
];

/** One shell command that picks the installer by the lockfile present, for checkouts not inspected beforehand. */
const anyLockfile = lockfiles.map(([file, , command], index) => `${index === 0 ? 'if' : 'elif'} [ -f ${file} ]; then ${command};`).join(' ') +
  ' elif [ -f package.json ]; then npm install; fi';

/** The package manager of a JavaScript tree, from its lockfile (npm without one). */
export function packageManagerOf(files: ReadonlySet<string>): PackageManager {
  return lockfiles.find(([file]) => files.has(file))?.[1] ?? 'npm';
}

/**
 * Setup commands for a checkout whose top-level `files` are known (undefined: not inspected). Python
 * installs the project with pip when it has a setup.py or pyproject.toml; where pip or the
 * dependencies are missing the command fails, and the engine reports an environment error.
 */
export function setupCommandsFor(language: string, files: ReadonlySet<string> | undefined): string[] {
  if (language === 'python') {
    if (!files) return ['python3 -m pip install -e .'];
    const commands = files.has('requirements.txt') ? ['python3 -m pip install -r requirements.txt'] : [];
    if (files.has('setup.py') || files.has('pyproject.toml')) commands.push('python3 -m pip install -e .');
    return commands;
  }
  if (!files) return [anyLockfile];
  const lockfile = lockfiles.find(([file]) => files.has(file));
  if (lockfile) return [lockfile[2]];
  return files.has('package.json') ? ['npm install'] : [];
}
