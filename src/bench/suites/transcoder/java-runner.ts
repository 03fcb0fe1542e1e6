/**
 * Compiles filled Java test scripts with one javac per batch and runs each class in its own JVM. A compile error
 * in one file stops javac from writing any class, so the files named in errors are taken out and the rest compiled
 * again; each file taken out is then compiled alone, so that a clash between two files fails neither.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runProcess } from '../../../core/process.ts';
import { mapLimit } from '../multipl-e/map-limit.ts';
import { firstError, outcomeOf, outcomeOfRun, type FilledScript, type RunnerOptions, type ScriptOutcome } from './script-outcome.ts';

const errorLine = /([A-Za-z0-9_$]+)\.java:\d+: error: (.*)/g;

/** Where a script's class ended up, or why it did not compile. */
type Compiled = { classes: string } | { failure: ScriptOutcome };

async function javac(folder: string, names: string[], options: RunnerOptions) {
  writeFileSync(join(folder, 'sources.txt'), names.map((name) => `source/${name}.java`).join('\n'));
  mkdirSync(join(folder, 'classes'), { recursive: true });
  return runProcess('javac', ['-nowarn', '-encoding', 'UTF-8', '-proc:none', '-d', 'classes', '@sources.txt'], { cwd: folder, timeoutMs: options.timeoutMs * 3 + 200 * names.length, signal: options.signal });
}

async function compileAlone(folder: string, name: string, program: string, options: RunnerOptions): Promise<Compiled> {
  mkdirSync(join(folder, 'source'), { recursive: true });
  writeFileSync(join(folder, 'source', `${name}.java`), program);
  const run = await javac(folder, [name], options);
  if (run.spawnError) return { failure: outcomeOf('environment-error', `could not start javac (${run.spawnError.message}); install a JDK and score again`) };
  if (run.timedOut) return { failure: outcomeOf('failed', 'javac timed out') };
  return run.code === 0 ? { classes: folder } : { failure: outcomeOf('failed', `does not compile: ${firstError(run.stderr).replace(/^.*?error: /, '')}`) };
}

/** Compiles `scripts` (their ids are distinct) in `folder`; returns where each class is, or its failure. */
async function compileBatch(folder: string, scripts: FilledScript[], options: RunnerOptions): Promise<Map<string, Compiled>> {
  const compiled = new Map<string, Compiled>();
  const alone: FilledScript[] = [];
  let remaining = scripts.filter((script) => {
    // javac wants a public class in a file of its name; a script with the wrong name would break its batch's neighbours.
    const declared = /^\s*public\s+(?:final\s+)?class\s+([A-Za-z0-9_$]+)/m.exec(script.program)?.[1];
    if (declared === undefined || declared === script.id) return true;
    compiled.set(script.id, { failure: outcomeOf('failed', `does not compile: the public class is ${declared}, not ${script.id}`) });
    return false;
  });
  mkdirSync(join(folder, 'source'), { recursive: true });
  for (const script of remaining) writeFileSync(join(folder, 'source', `${script.id}.java`), script.program);
  while (remaining.length > 0) {
    const run = await javac(folder, remaining.map((script) => script.id), options);
    if (run.spawnError) {
      for (const script of remaining) compiled.set(script.id, { failure: outcomeOf('environment-error', `could not start javac (${run.spawnError.message}); install a JDK and score again`) });
      return compiled;
    }
    if (run.code === 0 && !run.timedOut) break;
    const named = new Set([...run.stderr.matchAll(errorLine)].map((match) => match[1] ?? ''));
    const culprits = run.timedOut || !remaining.some((script) => named.has(script.id)) ? remaining : remaining.filter((script) => named.has(script.id));
    alone.push(...culprits);
    remaining = remaining.filter((script) => !culprits.includes(script));
  }
  for (const script of remaining) compiled.set(script.id, { classes: folder });
  const soloResults = await mapLimit(alone, options.workers, (script) => compileAlone(join(folder, 'alone', script.id), script.id, script.program, options));
  alone.forEach((script, index) => compiled.set(script.id, soloResults[index] as Compiled));
  return compiled;
}

/** Splits indexes into groups in which every class name (the script id) occurs once. */
function uniqueNameGroups(scripts: readonly FilledScript[]): number[][] {
  const groups: { names: Set<string>; members: number[] }[] = [];
  for (const [index, script] of scripts.entries()) {
    let group = groups.find((candidate) => !candidate.names.has(script.id));
    if (!group) groups.push((group = { names: new Set(), members: [] }));
    group.names.add(script.id);
    group.members.push(index);
  }
  return groups.map((group) => group.members);
}

/** Compiles each group of scripts with one javac, then runs every class that compiled. */
export async function runJavaScripts(scripts: readonly FilledScript[], options: RunnerOptions): Promise<ScriptOutcome[]> {
  const outcomes = new Array<ScriptOutcome>(scripts.length);
  for (const [number, members] of uniqueNameGroups(scripts).entries()) {
    const started = performance.now();
    const compiled = await compileBatch(join(options.directory, 'java', `g${number}`), members.map((index) => scripts[index] as FilledScript), options);
    const compileSeconds = (performance.now() - started) / 1000 / members.length;
    await mapLimit(members, options.workers, async (index) => {
      const id = (scripts[index] as FilledScript).id;
      const where = compiled.get(id) ?? { failure: outcomeOf('environment-error', 'javac left no trace of this script') };
      if ('failure' in where) return void (outcomes[index] = where.failure);
      const run = await runProcess('java', ['-Xshare:auto', '-XX:+UseSerialGC', '-cp', 'classes', id], { cwd: where.classes, timeoutMs: options.timeoutMs, signal: options.signal });
      const outcome = outcomeOfRun(run, 'java');
      outcomes[index] = { ...outcome, seconds: outcome.seconds + compileSeconds };
    });
  }
  return outcomes;
}
