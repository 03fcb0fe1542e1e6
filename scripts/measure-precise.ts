// Measures the precise TypeScript pass on a checkout: node scripts/measure-precise.ts <root> [--workers N] [--baseline naive] [--apply] [--unresolved N]
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import ts from 'typescript';
import type { ResolvedBatch } from '../src/atlas/precise/backend.ts';
import { normalizeRoot, toRepositoryPath } from '../src/atlas/precise/paths.ts';
import { planOptions, planPrograms } from '../src/atlas/precise/plan-programs.ts';
import { createConfigReader } from '../src/atlas/precise/read-config.ts';
import { resolveIdentifiers } from '../src/atlas/precise/resolve-identifiers.ts';
import { createTypeScriptBackend } from '../src/atlas/precise/typescript-backend.ts';
import { walkRepository } from '../src/atlas/precise/walk-repository.ts';

const usage = 'usage: node scripts/measure-precise.ts <repository root> [--workers N] [--baseline naive] [--apply] [--unresolved N] [--changed <path>]';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    workers: { type: 'string', default: '0' },
    baseline: { type: 'string' },
    apply: { type: 'boolean', default: false },
    unresolved: { type: 'string', default: '0' },
    changed: { type: 'string' },
  },
});
const root = positionals[0];
if (!root || (values.baseline !== undefined && values.baseline !== 'naive')) {
  console.error(usage);
  process.exitCode = 2;
} else if (values.changed) {
  await measureIncremental(root, values.changed);
} else {
  const batches = values.baseline === 'naive' ? naiveBaseline(root) : createTypeScriptBackend({ workers: Number(values.workers) }).doResolve({ root });
  await measure(root, batches, values.apply, Number(values.unresolved));
}

interface Totals {
  programs: Set<string>;
  files: number;
  identifiers: number;
  resolved: number;
  declarationNames: number;
  external: number;
  inRepository: number;
  configured: { identifiers: number; resolved: number };
  unresolved: Map<string, { count: number; example: string }>;
}

async function measure(root: string, batches: AsyncIterable<ResolvedBatch> | Iterable<ResolvedBatch>, apply: boolean, showUnresolved: number): Promise<void> {
  const started = performance.now();
  const totals: Totals = { programs: new Set(), files: 0, identifiers: 0, resolved: 0, declarationNames: 0, external: 0, inRepository: 0, configured: { identifiers: 0, resolved: 0 }, unresolved: new Map() };
  const kept: ResolvedBatch[] = [];
  for await (const batch of batches) {
    for (const problem of batch.problems) console.error(`${problem.severity}: ${problem.message.slice(0, 300)}`);
    count(batch, totals, showUnresolved > 0);
    if (apply) kept.push(batch);
  }
  const resolveSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage();
  const percent = (part: number, whole: number) => ((100 * part) / Math.max(1, whole)).toFixed(2);
  console.log(`programs            ${totals.programs.size}`);
  console.log(`files               ${totals.files}`);
  console.log(`identifiers         ${totals.identifiers} (+${totals.declarationNames} declaration names, not resolved)`);
  console.log(`resolved            ${totals.resolved} (${percent(totals.resolved, totals.identifiers)}%): ${totals.inRepository} in repository, ${totals.external} external`);
  console.log(`  in tsconfig programs ${totals.configured.resolved}/${totals.configured.identifiers} (${percent(totals.configured.resolved, totals.configured.identifiers)}%); the rest are files no tsconfig includes`);
  console.log(`resolve wall time   ${resolveSeconds.toFixed(1)} s`);
  console.log(`cpu time            ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (all threads, GC included)`);
  console.log(`load average        ${loadavg().map((load) => load.toFixed(2)).join(' ')} (at end; ${availableParallelism()} cores)`);
  console.log(`peak RSS            ${(process.resourceUsage().maxRSS / 1024 / 1024).toFixed(2)} GB`);
  console.log(`process wall time   ${(performance.now() / 1000).toFixed(1)} s`);
  if (showUnresolved > 0) {
    const top = [...totals.unresolved].sort((a, b) => b[1].count - a[1].count).slice(0, showUnresolved);
    for (const [key, { count: times, example }] of top) console.log(`  unresolved ${times}\t${key}\t${example}`);
  }
  if (apply) await measureApply(root, kept);
}

function count(batch: ResolvedBatch, totals: Totals, collectUnresolved: boolean): void {
  for (const file of batch.files) {
    totals.programs.add(file.program);
    totals.files++;
    totals.identifiers += file.counts.identifiers;
    totals.resolved += file.counts.resolved;
    totals.declarationNames += file.counts.declarationNames;
    if (file.program !== 'inferred') {
      totals.configured.identifiers += file.counts.identifiers;
      totals.configured.resolved += file.counts.resolved;
    }
    for (const occurrence of file.occurrences) {
      if (occurrence.target === 'external') totals.external++;
      else if (occurrence.target) totals.inRepository++;
      else if (collectUnresolved) {
        const key = `${file.program} ${occurrence.name}`;
        const entry = totals.unresolved.get(key) ?? { count: 0, example: `${file.path}:${occurrence.line}:${occurrence.column}` };
        entry.count++;
        totals.unresolved.set(key, entry);
      }
    }
  }
}

/**
 * The anchor to compare with in the same run: the same programs and the same per-identifier
 * work, but each program with TypeScript's own host (nothing shared, every file parsed and bound
 * again) and the tsconfig options untouched.
 */
function* naiveBaseline(repositoryRoot: string): Generator<ResolvedBatch> {
  const root = normalizeRoot(repositoryRoot);
  const reader = createConfigReader((fileName) => toRepositoryPath(root, fileName) ?? fileName);
  for (const plan of planPrograms(root, walkRepository(root), reader).plans) {
    const { options, projectReferences } = planOptions(plan, reader);
    const host = Object.assign(ts.createCompilerHost(options), { useSourceOfProjectReferenceRedirect: () => true });
    const program = ts.createProgram({ rootNames: plan.rootNames, options: { ...options, noEmit: true }, projectReferences, host });
    const checker = program.getTypeChecker();
    const files = plan.owned.map((path) => resolveIdentifiers(root, path, plan.name, checker, program.getSourceFile(`${root}/${path}`)!));
    yield { files, problems: [] };
  }
}

/**
 * A full run, then the files an edit of `changed` makes the index re-resolve: the file and every
 * file with a use resolved into it (what `findFilesToResolve` reads from the store), resolved by
 * the same backend (parsed files cached) and by a fresh one (a new CLI process).
 */
async function measureIncremental(repositoryRoot: string, changed: string): Promise<void> {
  const backend = createTypeScriptBackend();
  const dependents = new Set([changed]);
  let started = performance.now();
  for await (const batch of backend.doResolve({ root: repositoryRoot })) {
    for (const file of batch.files) {
      if (file.occurrences.some((occurrence) => typeof occurrence.target === 'object' && occurrence.target?.path === changed)) dependents.add(file.path);
    }
  }
  console.log(`full run            ${((performance.now() - started) / 1000).toFixed(1)} s; ${dependents.size} files to re-resolve after an edit of ${changed}`);
  for (const [label, runner] of [['same backend', backend], ['fresh backend', createTypeScriptBackend()]] as const) {
    started = performance.now();
    const programs = new Set<string>();
    for await (const batch of runner.doResolve({ root: repositoryRoot, files: [...dependents] })) for (const file of batch.files) programs.add(file.program);
    console.log(`incremental, ${label.padEnd(13)} ${((performance.now() - started) / 1000).toFixed(1)} s in ${programs.size} programs`);
  }
  console.log(`peak RSS            ${(process.resourceUsage().maxRSS / 1024 / 1024).toFixed(2)} GB`);
}

async function measureApply(repositoryRoot: string, batches: ResolvedBatch[]): Promise<void> {
  const { measureApplyOnSeededStore } = await import('../src/atlas/precise/testing/seed-store.ts');
  const result = await measureApplyOnSeededStore(repositoryRoot, batches);
  console.log(`apply: seeded ${result.refs} refs and ${result.symbols} symbols from the TypeScript AST in ${result.seedSeconds.toFixed(1)} s (stand-in for the syntactic pass)`);
  console.log(`apply wall time     ${result.applySeconds.toFixed(1)} s: ${JSON.stringify(result.report)}`);
}
