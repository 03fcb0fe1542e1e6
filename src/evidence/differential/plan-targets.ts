/** Decides which functions differential testing compares for a change, and why the rest cannot be. */
import path from 'node:path';
import type ts from 'typescript';
import type { FileChange } from '../../core/change.ts';
import type { CheckContext, TouchedSymbol } from '../types.ts';
import type { ExportedFunction } from './exported-functions.ts';
import { createProgram } from '../typescript-program.ts';
import { type FileSide, baseCounterpart, commonParameters, resolveTouched } from './resolve-function.ts';
import type { ParameterShape } from './shape.ts';

/** A function to compare, with the hunks it speaks for. */
export interface PlannedFunction {
  key: string;
  hunkIds: string[];
  path: string;
  basePath: string;
  change: ExportedFunction;
  base: ExportedFunction;
  /** Undefined when inputs cannot be generated: then only inputs harvested from the tests are used. */
  parameters: ParameterShape[] | undefined;
  /** Why inputs cannot be generated, when they cannot. */
  untyped?: string;
  /** Touched unexported functions this one reaches. */
  via: string[];
}

/** A hunk (or function) that cannot be compared, and why. */
export interface SkippedHunk {
  hunkIds: string[];
  reason: string;
  location?: { path: string; line: number };
}

const runnable = new Set(['typescript', 'javascript']);
const callableKinds = new Set(['function', 'method']);

function fileChangeOf(context: CheckContext, newPath: string): FileChange | undefined {
  return context.change.files.find((file) => file.newPath === newPath);
}

function sides(context: CheckContext, paths: ReadonlySet<string>) {
  const changed = [...paths];
  const basePaths = new Map(changed.map((file) => [file, fileChangeOf(context, file)?.kind === 'added' ? undefined : (fileChangeOf(context, file)?.oldPath ?? file)]));
  const changeProgram = createProgram(changed.map((file) => path.join(context.changeDir, file)));
  const baseFiles = [...basePaths.values()].filter((file): file is string => file !== undefined).map((file) => path.join(context.baseDir, file));
  const baseProgram = createProgram(baseFiles);
  const side = (program: ts.Program, file: string): FileSide | undefined => {
    const sourceFile = program.getSourceFile(file);
    return sourceFile ? { checker: program.getTypeChecker(), sourceFile } : undefined;
  };
  return {
    change: (file: string) => side(changeProgram, path.join(context.changeDir, file)),
    base: (file: string) => {
      const basePath = basePaths.get(file);
      return basePath === undefined ? undefined : { basePath, side: side(baseProgram, path.join(context.baseDir, basePath)) };
    },
  };
}

/** Splits the touched functions of every hunk into functions to compare and hunks to skip with a reason. */
export function planTargets(context: CheckContext): { planned: PlannedFunction[]; skipped: SkippedHunk[] } {
  const skipped: SkippedHunk[] = [];
  const skip = (hunkId: string, reason: string, symbol?: TouchedSymbol) =>
    skipped.push({ hunkIds: [hunkId], reason, ...(symbol ? { location: { path: symbol.path, line: symbol.startLine } } : {}) });
  const work: { hunkId: string; symbol: TouchedSymbol }[] = [];
  for (const hunk of context.hunks) {
    const symbols = (context.touched.get(hunk.id) ?? []).filter((symbol) => callableKinds.has(symbol.kind));
    if (symbols.length === 0) skip(hunk.id, 'the hunk changes no function');
    for (const symbol of symbols) {
      if (symbol.language === 'tsx') skip(hunk.id, `\`${symbol.qualifiedName}\`: TSX cannot run without a build step`, symbol);
      else if (!runnable.has(symbol.language)) skip(hunk.id, `\`${symbol.qualifiedName}\`: differential testing runs TypeScript and JavaScript only`, symbol);
      else work.push({ hunkId: hunk.id, symbol });
    }
  }
  const files = sides(context, new Set(work.map((item) => item.symbol.path)));
  const cache = new Map<ts.SourceFile, ExportedFunction[]>();
  const planned = new Map<string, PlannedFunction>();
  for (const { hunkId, symbol } of work) {
    const change = files.change(symbol.path);
    const resolved = change ? resolveTouched(symbol, change, cache) : { success: false as const, error: 'the changed file cannot be read' };
    if (!resolved.success) {
      skip(hunkId, resolved.error, symbol);
      continue;
    }
    const base = files.base(symbol.path);
    for (const { change: fn, via } of resolved.value) {
      const key = `${symbol.path}#${fn.exportPath.join('.')}`;
      const existing = planned.get(key);
      if (existing) {
        if (!existing.hunkIds.includes(hunkId)) existing.hunkIds.push(hunkId);
        if (via && !existing.via.includes(via)) existing.via.push(via);
        continue;
      }
      const baseFn = baseCounterpart(fn, base?.side, cache);
      if (!base?.side || !baseFn) {
        skip(hunkId, `\`${fn.localName}\` is a new function: nothing to compare`, symbol);
        continue;
      }
      const parameters = commonParameters({ ...base.side, fn: baseFn }, { ...change!, fn });
      planned.set(key, {
        key,
        hunkIds: [hunkId],
        path: symbol.path,
        basePath: base.basePath,
        change: fn,
        base: baseFn,
        parameters: parameters.success ? parameters.value : undefined,
        ...(parameters.success ? {} : { untyped: parameters.error }),
        via: via ? [via] : [],
      });
    }
  }
  return { planned: [...planned.values()], skipped };
}
