/** Decides which signature a source and its translation are called with: Python type hints where present, else the TypeScript types. */
import { type Result, fail, ok } from '../../../core/result.ts';
import type { InputParameter, InputShape } from './input-shape.ts';
import type { PythonFunction } from './python-side.ts';

/** One side of a translated function, as far as inputs are concerned. */
export interface SideSignature {
  language: 'python' | 'script';
  /** Every parameter with a shape, or why not all have one. */
  parameters: Result<InputParameter[], string>;
  /** Python only: the hint of each positional parameter, null where there is none. */
  hints?: (InputShape | null)[];
}

/** A Python function's signature: positional parameters and `*args`; `**kwargs` and optional keyword-only ones are left alone. */
export function pythonSignature(fn: PythonFunction): SideSignature {
  const callable = fn.parameters.filter((parameter) => parameter.kind === 'positional' || parameter.kind === 'rest');
  const hints = callable.map((parameter) => parameter.shape);
  const keyword = fn.parameters.find((parameter) => parameter.kind === 'keyword' && !parameter.optional);
  if (keyword) return { language: 'python', parameters: fail(`parameter \`${keyword.name}\` is keyword-only and required`), hints };
  const unhinted = callable.find((parameter) => parameter.shape === null);
  if (unhinted) return { language: 'python', parameters: fail(`parameter \`${unhinted.name}\` has no usable type hint`), hints };
  const parameters = callable.map((parameter) => ({ name: parameter.name, shape: parameter.shape!, optional: parameter.optional, rest: parameter.kind === 'rest' }));
  return { language: 'python', parameters: ok(parameters), hints };
}

function withHints(parameters: InputParameter[], hints: readonly (InputShape | null)[] | undefined): InputParameter[] {
  if (!hints || hints.length !== parameters.length) return parameters;
  return parameters.map((parameter, index) => ({ ...parameter, shape: hints[index] ?? parameter.shape }));
}

/**
 * The parameters to generate inputs from, or why there are none: a fully hinted Python side first
 * (Python `int` is narrower than TypeScript `number`), then the TypeScript types of the translation
 * or the source with any Python hints laid over them, then a fully hinted Python translation.
 */
export function chooseParameters(source: SideSignature, target: SideSignature): Result<InputParameter[], string> {
  if (source.language === 'python' && source.parameters.success) return source.parameters;
  const python = source.language === 'python' ? source : target.language === 'python' ? target : undefined;
  for (const side of [target, source]) {
    if (side.language === 'script' && side.parameters.success) return ok(withHints(side.parameters.value, python?.hints));
  }
  if (target.language === 'python' && target.parameters.success) return target.parameters;
  const reasons = [target, source].map((side) => (side.parameters.success ? undefined : side.parameters.error)).filter((reason) => reason !== undefined);
  return fail(reasons.join('; ') || 'no signature to generate inputs from');
}
