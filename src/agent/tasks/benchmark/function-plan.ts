/** Reads the base and candidate versions of the function to optimize: the parameters both accept and the literals worth trying. */
import type ts from 'typescript';
import { type Result, fail, ok } from '../../../core/result.ts';
import { type Constants, collectConstants } from '../../../evidence/differential/constants.ts';
import { exportedFunctions } from '../../../evidence/differential/exported-functions.ts';
import type { ParameterShape } from '../../../evidence/differential/index.ts';
import { createProgram } from '../../../evidence/typescript-program.ts';
import { commonParameters } from '../../../evidence/differential/resolve-function.ts';

/** What inputs can be made for the function. */
export interface FunctionPlan {
  /** Undefined when its types say nothing to generate from: then only the tests' inputs are used. */
  parameters: ParameterShape[] | undefined;
  untyped?: string;
  constants: Constants;
  /** The candidate's declaration, to show the signature kept or changed. */
  signatureChanged: boolean;
}

/** The plan, or why the function is missing on a side. */
export function planFunction(baseFile: string, candidateFile: string, exportPath: readonly string[], examples: readonly unknown[][]): Result<FunctionPlan, string> {
  const program = createProgram([baseFile, candidateFile]);
  const checker = program.getTypeChecker();
  const key = exportPath.join('.');
  const find = (file: string) => {
    const sourceFile = program.getSourceFile(file);
    const fn = sourceFile && exportedFunctions(checker, sourceFile).find((candidate) => candidate.exportPath.join('.') === key);
    return sourceFile && fn ? { checker, sourceFile, fn } : undefined;
  };
  const base = find(baseFile);
  const candidate = find(candidateFile);
  if (!base) return fail(`the base version does not export a function \`${key}\``);
  if (!candidate) return fail(`the candidate no longer exports a function \`${key}\`: keep its name and signature`);
  const parameters = commonParameters(base, candidate);
  const text = (node: ts.SignatureDeclaration, sourceFile: ts.SourceFile) => node.parameters.map((parameter) => parameter.getText(sourceFile)).join(', ');
  return ok({
    parameters: parameters.success ? parameters.value : undefined,
    ...(parameters.success ? {} : { untyped: parameters.error }),
    constants: collectConstants([base.fn.declaration, candidate.fn.declaration], examples),
    signatureChanged: text(base.fn.declaration, base.sourceFile) !== text(candidate.fn.declaration, candidate.sourceFile),
  });
}
