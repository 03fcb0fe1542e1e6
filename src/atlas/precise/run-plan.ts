/** Builds one program from its plan and resolves the files it owns, in batches. */
import ts from 'typescript';
import type { PreciseProblem, ResolvedBatch, ResolvedFile } from './backend.ts';
import { createCachingHost, type FileSystemMemo } from './compiler-host.ts';
import { planOptions, type ProgramPlan } from './plan-programs.ts';
import { toFileName } from './paths.ts';
import { createProblem, describeFailure } from './problems.ts';
import type { ConfigReader } from './read-config.ts';
import { resolveIdentifiers } from './resolve-identifiers.ts';
import type { SourceFileCache } from './source-file-cache.ts';
import { unresolvedImports } from './unresolved-imports.ts';

/** What programs of one run share. */
export interface RunContext {
  root: string;
  cache: SourceFileCache;
  memo: FileSystemMemo;
  reader: ConfigReader;
  /** Files per batch, hence per store transaction. */
  batchSize: number;
  signal?: AbortSignal;
}

/** Resolves `files` (default: all the plan owns). A failing program yields a problem, never throws, unless aborted. */
export function* runPlan(context: RunContext, plan: ProgramPlan, files: readonly string[] = plan.owned): Generator<ResolvedBatch> {
  let program: ts.Program;
  let checker: ts.TypeChecker;
  try {
    program = createProgram(context, plan);
    checker = program.getTypeChecker();
  } catch (error) {
    yield { files: [], problems: [programFailure(plan, files.length, error)] };
    return;
  }
  let batch: ResolvedFile[] = [];
  const problems: PreciseProblem[] = [];
  const missingImports: { path: string; specifier: string }[] = [];
  for (const path of files) {
    context.signal?.throwIfAborted();
    const file = program.getSourceFile(toFileName(context.root, path));
    if (!file) {
      problems.push(createProblem('warning', 'NOT_FOUND', `${path} is not in program ${plan.name}; it was skipped.`, { program: plan.name, path }));
      continue;
    }
    try {
      batch.push(resolveIdentifiers(context.root, path, plan.name, checker, file));
      for (const specifier of unresolvedImports(checker, file)) missingImports.push({ path, specifier });
    } catch (error) {
      problems.push(createProblem('error', 'INTERNAL', `Resolving ${path} in ${plan.name} failed: ${describeFailure(error)}`, { program: plan.name, path }));
    }
    if (batch.length >= context.batchSize) {
      yield { files: batch, problems: problems.splice(0) };
      batch = [];
    }
  }
  if (missingImports.length > 0) problems.push(missingImportsProblem(plan, missingImports));
  if (batch.length > 0 || problems.length > 0) yield { files: batch, problems };
}

function createProgram(context: RunContext, plan: ProgramPlan): ts.Program {
  const { options, projectReferences } = planOptions(plan, context.reader);
  // `stableTypeOrdering` (TypeScript 6, to match TypeScript 7) sorts union members with a costly
  // comparison that only matters for emitted text; switching it off cut eslint-plugin's time by a third.
  const programOptions: ts.CompilerOptions = { ...options, noEmit: true, stableTypeOrdering: false };
  const host = createCachingHost({
    options: programOptions,
    cache: context.cache,
    memo: context.memo,
    getParsedCommandLine: (fileName) => {
      const read = context.reader.read(fileName);
      return read.success ? read.value.parsed : undefined;
    },
  });
  return ts.createProgram({ rootNames: plan.rootNames, options: programOptions, projectReferences, host });
}

function programFailure(plan: ProgramPlan, files: number, error: unknown): PreciseProblem {
  return createProblem(
    'error',
    'INTERNAL',
    `Building program ${plan.name} failed; its ${files} files stay unresolved, the other programs carry on. ${describeFailure(error)}`,
    { program: plan.name, files },
  );
}

function missingImportsProblem(plan: ProgramPlan, missing: { path: string; specifier: string }[]): PreciseProblem {
  const examples = missing.slice(0, 3).map(({ path, specifier }) => `'${specifier}' in ${path}`);
  return createProblem(
    'warning',
    'NOT_FOUND',
    `${missing.length} imports in ${plan.name} do not resolve (${examples.join(', ')}). Install the repository's dependencies (npm, pnpm or yarn install) and run its code generation, then index again.`,
    { program: plan.name, count: missing.length, examples: missing.slice(0, 10) },
  );
}
