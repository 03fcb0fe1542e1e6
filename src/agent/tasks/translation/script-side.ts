/** Runs JavaScript and TypeScript modules for translate: exported functions with their parameter shapes, and calls through the differential harness. */
import type ts from 'typescript';
import { type Result, fail, ok } from '../../../core/result.ts';
import { type Constants, collectConstants } from '../../../evidence/differential/constants.ts';
import { exportedFunctions } from '../../../evidence/differential/exported-functions.ts';
import type { CallOutcome, EncodedValue, Harness } from '../../../evidence/differential/index.ts';
import { parameterShapes } from '../../../evidence/differential/parameter-shapes.ts';
import { createProgram } from '../../../evidence/typescript-program.ts';
import type { InputParameter } from './input-shape.ts';

/** An exported function of a script module. */
export interface ScriptFunction {
  /** `['parse']`, or `['Version', 'compare']` for a static method. */
  exportPath: string[];
  /** Parameters from the declared types, or why they cannot be generated. */
  parameters: Result<InputParameter[], string>;
  constants: Constants;
  declaration: ts.Node;
}

/** The exported functions of each of `files` (absolute), read with one TypeScript program. */
export function describeScripts(files: readonly string[]): Map<string, ScriptFunction[]> {
  const program = createProgram(files);
  const checker = program.getTypeChecker();
  const found = new Map<string, ScriptFunction[]>();
  for (const file of files) {
    const sourceFile = program.getSourceFile(file);
    const functions = sourceFile ? exportedFunctions(checker, sourceFile) : [];
    found.set(
      file,
      functions.map((fn) => ({
        exportPath: fn.exportPath,
        parameters: parameterShapes(checker, fn),
        constants: collectConstants([fn.declaration], []),
        declaration: fn.declaration,
      })),
    );
  }
  return found;
}

/**
 * Calls the function at `exportPath` of `module` once per argument list, in order; stops early (fewer
 * outcomes than inputs) once `maxTimeouts` calls did not return in time, since each costs a restart.
 */
export async function callScript(harness: Harness, module: string, exportPath: string[], inputs: readonly EncodedValue[][], maxTimeouts: number): Promise<Result<CallOutcome[], string>> {
  const loaded = await harness.request({ op: 'load', module, path: exportPath });
  if (loaded.kind === 'unavailable') return fail(loaded.reason);
  if (loaded.kind !== 'return') return fail(`importing ${module} ${loaded.kind === 'timeout' ? 'did not finish in time' : 'ended the process'}`);
  const outcomes: CallOutcome[] = [];
  let timeouts = 0;
  for (const args of inputs) {
    if (timeouts >= maxTimeouts) break;
    const outcome = await harness.request({ op: 'call', module, path: exportPath, args });
    if (outcome.kind === 'unavailable') return fail(outcome.reason);
    if (outcome.kind === 'timeout') timeouts += 1;
    outcomes.push(outcome);
  }
  return ok(outcomes);
}
