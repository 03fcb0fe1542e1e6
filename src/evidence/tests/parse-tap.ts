/** Reads the raw TAP that the `tap` runner (v12–16) writes with `--output-file`: one subtest per test file, nested subtests inside. */
import { relative, resolve } from 'node:path';
import { errorLine } from './failure-message.ts';
import type { OutcomeCollector } from './outcome-collector.ts';
import type { TestStatus } from './types.ts';

/** One test point (`ok 1 - name`), with its subtest's points when it closes one. */
interface TapNode {
  name: string;
  /** Undefined while the point that closes a subtest has not been read (the run was cut off). */
  ok?: boolean;
  directive?: 'skip' | 'todo';
  milliseconds?: number;
  subtest: boolean;
  children: TapNode[];
  diagnostic: Map<string, string>;
}

const point = /^(not )?ok\b(?:\s+\d+)?(?:\s*-\s?)?(.*)$/;

function node(name: string, subtest: boolean): TapNode {
  return { name, subtest, children: [], diagnostic: new Map() };
}

/** Splits `name # SKIP why` at the first unescaped `#`, and unescapes `\#`. */
function readDescription(text: string): Pick<TapNode, 'name' | 'directive' | 'milliseconds'> {
  const hash = /(^|[^\\])\s#\s/.exec(text);
  const cut = hash ? hash.index + hash[1]!.length : text.length;
  const name = text.slice(0, cut).replace(/\s*\{$/, '').trim().replace(/\\([#\\])/g, '$1');
  const directive = hash ? text.slice(cut).replace(/^\s*#\s*/, '') : '';
  const time = /^time=([\d.]+)(ms|s)\b/.exec(directive);
  const kind = /^(skip|todo)\b/i.exec(directive)?.[1]?.toLowerCase();
  return {
    name,
    ...(kind === 'skip' || kind === 'todo' ? { directive: kind } : {}),
    ...(time ? { milliseconds: Number(time[1]) * (time[2] === 's' ? 1000 : 1) } : {}),
  };
}

/** The top-level keys of a YAML diagnostic block; a key's nested or block-scalar lines become its value. */
function readDiagnostic(lines: readonly string[]): Map<string, string> {
  const values = new Map<string, string>();
  let key: string | undefined;
  for (const line of lines) {
    const entry = /^([\w-]+):(?:\s+(.*))?$/.exec(line);
    if (entry) {
      key = entry[1]!;
      const value = entry[2] ?? '';
      values.set(key, /^[|>][+-]?$/.test(value) ? '' : value);
    } else if (key !== undefined && line.startsWith(' ')) {
      const previous = values.get(key) ?? '';
      values.set(key, previous === '' ? line.slice(2) : `${previous}\n${line.slice(2)}`);
    }
  }
  return values;
}

/** Parses raw TAP into a tree: the root's children are the test files (or the points of a single file's output). */
function parseTree(text: string): TapNode {
  const root = node('', true);
  // open[level] is the subtest whose points are indented by 4 * level spaces.
  const open: TapNode[] = [root];
  let last: { node: TapNode; indent: number } | undefined;
  let diagnostic: { lines: string[]; indent: number; into: TapNode } | undefined;
  const container = (level: number): TapNode => {
    for (let index = 1; index <= level; index++) {
      if (!open[index]) {
        open[index] = node('', true);
        open[index - 1]!.children.push(open[index]!);
      }
    }
    return open[level]!;
  };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const indent = line.length - line.trimStart().length;
    const body = line.trim();
    if (diagnostic) {
      if (body === '...' && indent === diagnostic.indent) {
        diagnostic.into.diagnostic = readDiagnostic(diagnostic.lines);
        diagnostic = undefined;
      } else {
        diagnostic.lines.push(line.slice(diagnostic.indent));
      }
      continue;
    }
    if (body === '') continue;
    const level = Math.floor(indent / 4);
    if (body === '---' && last && indent === last.indent + 2) {
      diagnostic = { lines: [], indent, into: last.node };
      continue;
    }
    const subtest = /^# Subtest(?::\s*(.*))?$/.exec(body);
    if (subtest) {
      open.length = level + 1;
      const parent = container(level);
      const child = node((subtest[1] ?? '').replace(/\\([#\\])/g, '$1'), true);
      parent.children.push(child);
      open[level + 1] = child;
      continue;
    }
    if (body === '}') {
      open.length = level + 1;
      continue;
    }
    const matched = point.exec(body);
    if (!matched) continue;
    const description = readDescription(matched[2] ?? '');
    const pending = open[level + 1];
    let target: TapNode;
    if (pending && pending.ok === undefined && pending.subtest) {
      // This point closes the subtest opened by `# Subtest:` (or a buffered `{`).
      target = pending;
      Object.assign(target, description);
    } else {
      target = { ...node('', false), ...description };
      open.length = level + 1;
      container(level).children.push(target);
    }
    target.ok = matched[1] === undefined;
    last = { node: target, indent };
    open.length = level + 1;
    if (/\{\s*$/.test(body)) {
      target.subtest = true;
      open[level + 1] = target;
    }
  }
  return root;
}

const failed = (item: TapNode) => item.ok === false && item.directive === undefined;

/** `expected 3, actual 2` from tap's `diff` (or older `found`/`wanted`), when there is one. */
function difference(diagnostic: ReadonlyMap<string, string>): string | undefined {
  if (diagnostic.has('found') && diagnostic.has('wanted')) return `expected ${diagnostic.get('wanted')}, actual ${diagnostic.get('found')}`;
  const lines = (diagnostic.get('diff') ?? '').split('\n');
  const expected = lines.find((line) => line.startsWith('-') && !line.startsWith('---'))?.slice(1).trim().replace(/,$/, '');
  const actual = lines.find((line) => line.startsWith('+') && !line.startsWith('+++'))?.slice(1).trim().replace(/,$/, '');
  return expected !== undefined && actual !== undefined ? `expected ${expected}, actual ${actual}` : undefined;
}

/** The message of the first failing assertion under `item` (or of `item` itself). */
function failureMessage(item: TapNode): string {
  const leaf = item.children.find(failed);
  if (leaf) return failureMessage(leaf);
  const detail = difference(item.diagnostic);
  return detail ? `${item.name} (${detail})` : item.name || 'failed';
}

function statusOf(item: TapNode): TestStatus {
  if (item.directive !== undefined) return 'skip';
  return item.ok ? 'pass' : 'fail';
}

/** Why a test file failed outside any test: tap's own timeout, a signal, or an exit code. */
function fileFailure(item: TapNode, stderrLine: string | undefined): { status: TestStatus; message: string } {
  const { diagnostic } = item;
  const signal = diagnostic.get('signal');
  const timeout = Number(diagnostic.get('timeout'));
  if (signal && timeout > 0 && (item.milliseconds ?? 0) >= timeout * 0.99) return { status: 'timeout', message: `timed out after ${timeout / 1000} s (tap's --timeout)` };
  if (stderrLine) return { status: 'fail', message: stderrLine };
  if (signal) return { status: 'fail', message: `killed by ${signal}` };
  const code = diagnostic.get('exitCode');
  return { status: 'fail', message: code ? `exited with code ${code}` : failureMessage(item) };
}

/**
 * Feeds `collector` from tap's raw output of a run in `dir`. Each subtest is a test (nested ones joined
 * by ` > `), and so is each assertion made outside any subtest; assertions inside a subtest count
 * towards it. A file that fails with no failing test inside is a `(file)` failure; `stderr` (of the
 * whole run) names the error when only one file failed that way. Subtests cut off by a kill are started, never finished.
 */
export function parseTapOutput(text: string, dir: string, collector: OutcomeCollector, stderr = ''): void {
  const fileOf = (name: string) => relative(dir, resolve(dir, name)).split('\\').join('/');
  const files = parseTree(text).children;
  const broken = files.filter((file) => failed(file) && !file.children.some(failed));
  const stderrLine = broken.length === 1 ? errorLine(stderr) : undefined;
  for (const file of files) {
    const path = fileOf(file.name);
    const visit = (items: readonly TapNode[], prefix: readonly string[]) => {
      for (const item of items) {
        if (!item.subtest && prefix.length > 0) continue;
        const name = [...prefix, item.name].join(' > ');
        if (item.ok === undefined) collector.start(path, name);
        else collector.add({ file: path, name, status: statusOf(item), ...(failed(item) ? { message: failureMessage(item) } : {}) });
        if (item.subtest) visit(item.children, [...prefix, item.name]);
      }
    };
    visit(file.children, []);
    if (file.ok === undefined) collector.start(path, '(file)');
    else if (broken.includes(file)) collector.add({ file: path, name: '(file)', ...fileFailure(file, stderrLine) });
  }
}
