/**
 * Looks for signs that a missing name exists in another version of a package: a declaration of it marked
 * `@deprecated` somewhere in the package's types, or a CHANGELOG line that mentions it next to a removal.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const declarationFile = /\.d\.(c|m)?ts$/;
const changelogNames = ['CHANGELOG.md', 'changelog.md', 'CHANGELOG', 'HISTORY.md', 'CHANGES.md'];
const removalWords = /\b(remov|breaking|renam|no longer|deprecat|drop)/i;
/** Bounds of the walk over one package's declarations. */
const maxFiles = 3000;
const maxBytes = 40 * 1024 * 1024;

const declarationCache = new Map<string, Array<{ path: string; text: string }>>();
const hintCache = new Map<string, string[]>();

function declarationsOf(packageDir: string): Array<{ path: string; text: string }> {
  const cached = declarationCache.get(packageDir);
  if (cached) return cached;
  const files: Array<{ path: string; text: string }> = [];
  let bytes = 0;
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (files.length >= maxFiles || bytes >= maxBytes) return;
      const full = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(full);
      else if (entry.isFile() && declarationFile.test(entry.name)) {
        const size = statSync(full).size;
        bytes += size;
        files.push({ path: relative(packageDir, full), text: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(packageDir);
  declarationCache.set(packageDir, files);
  return files;
}

function escape(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const identifierChar = /[A-Za-z0-9_$]/;
const modifiers = /(?:\b(?:export|declare|static|readonly|function|const|let|var|abstract|public|protected|get|set)\s+)*$/;

/** The JSDoc right before a declaration of `name` at `index`, if the text there declares it. */
function docBefore(text: string, index: number, name: string): string | undefined {
  if (index > 0 && identifierChar.test(text[index - 1] as string)) return undefined;
  if (!/^\s*[?!]?\s*[(:<=]/.test(text.slice(index + name.length, index + name.length + 8))) return undefined;
  const before = text.slice(Math.max(0, index - 4000), index).replace(modifiers, '').trimEnd();
  if (!before.endsWith('*/')) return undefined;
  const start = before.lastIndexOf('/**');
  return start < 0 ? undefined : before.slice(start);
}

/** The `@deprecated` text of a declaration of `name` in the package's types, with the file, if any. */
function deprecatedDeclaration(packageDir: string, name: string): string | undefined {
  for (const file of declarationsOf(packageDir)) {
    for (let index = file.text.indexOf(name); index >= 0; index = file.text.indexOf(name, index + 1)) {
      const tag = /@deprecated\s*([^\n*]*)/.exec(docBefore(file.text, index, name) ?? '');
      if (tag) return `its types still declare \`${name}\` as deprecated in ${file.path}${tag[1]?.trim() ? `: ${tag[1].trim()}` : ''}`;
    }
  }
  return undefined;
}

/** A CHANGELOG line mentioning `name` within two lines of a removal or breaking change, with the version heading above it. */
function changelogMention(packageDir: string, name: string): string | undefined {
  for (const fileName of changelogNames) {
    let text: string;
    try {
      text = readFileSync(join(packageDir, fileName), 'utf8');
    } catch {
      continue;
    }
    const lines = text.split(/\r?\n/);
    const mention = new RegExp(`(^|[^A-Za-z0-9_$])${escape(name)}([^A-Za-z0-9_$]|$)`);
    for (let index = 0; index < lines.length; index++) {
      if (!mention.test(lines[index] ?? '')) continue;
      const nearby = lines.slice(Math.max(0, index - 2), index + 3).join('\n');
      if (!removalWords.test(nearby)) continue;
      const above = lines.slice(0, index).reverse();
      const title = (line: string | undefined) => line?.replace(/^#+\s*/, '').trim();
      const heading = title(above.find((line) => /^#{1,4}\s/.test(line)));
      const release = title(above.find((line) => /^#{1,4}\s.*\d+\.\d+/.test(line)));
      const under = release && heading && release !== heading ? `${release} › ${heading}` : (release ?? heading);
      const version = under ? ` under "${under}"` : '';
      return `its ${fileName} mentions \`${name}\`${version}: "${(lines[index] ?? '').trim().slice(0, 160)}"`;
    }
  }
  return undefined;
}

/** Hints that `name` belongs to another version of the package installed at `packageDir`; empty when none. */
export function removalHints(packageDir: string, name: string): string[] {
  const key = `${packageDir}\u0000${name}`;
  let hints = hintCache.get(key);
  if (!hints) {
    hints = [deprecatedDeclaration(packageDir, name), changelogMention(packageDir, name)].filter((hint): hint is string => hint !== undefined);
    hintCache.set(key, hints);
  }
  return hints;
}
