/** Finds where a record's repository comes from: a local path as given, a folder of a mirror, or a GitHub clone URL. */
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

/** Where the adapter looks for repositories named `owner/name`. */
export interface RepositorySources {
  /** A folder holding local clones as `owner/name`, `owner__name`, `owner+name` or `name`. */
  mirror?: string;
}

/** A repository location: a local folder (inspectable now) or a URL to clone later. */
export type RepositoryLocation = { kind: 'local'; path: string } | { kind: 'remote'; url: string };

function isUrl(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^git@[^:]+:/.test(text);
}

/** Resolves `repo` (an `owner/name`, a path or a URL) against the mirror folder, else GitHub. */
export function resolveRepository(repo: string, sources: RepositorySources = {}): RepositoryLocation {
  if (isUrl(repo)) return repo.startsWith('file://') ? { kind: 'local', path: repo.slice('file://'.length) } : { kind: 'remote', url: repo };
  if (isAbsolute(repo)) return { kind: 'local', path: repo };
  const [owner = '', name = ''] = repo.split('/');
  if (sources.mirror) {
    const candidates = [join(owner, name), `${owner}__${name}`, `${owner}+${name}`, name].flatMap((folder) => [folder, `${folder}.git`]);
    const found = candidates.map((folder) => join(sources.mirror ?? '', folder)).find((path) => existsSync(path));
    if (found) return { kind: 'local', path: found };
  }
  return { kind: 'remote', url: `https://github.com/${owner}/${name}.git` };
}

/** The string a task's `source.repository` holds. */
export function locationText(location: RepositoryLocation): string {
  return location.kind === 'local' ? location.path : location.url;
}
