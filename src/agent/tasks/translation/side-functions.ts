/** The exported functions of a translation's source or target, with their signatures and literals, in any of the languages. */
import { type Result, ok } from '../../../core/result.ts';
import type { Constants } from '../../../evidence/differential/constants.ts';
import { type SideSignature, pythonSignature } from './choose-parameters.ts';
import type { SourceLanguage } from './languages.ts';
import { type PythonRunner, describePython } from './python-side.ts';
import { type ScriptFunction, describeScripts } from './script-side.ts';

/** One exported function of one side. */
export interface SideFunction {
  /** `parse`, `Version.compare`: the export path joined by dots. */
  name: string;
  exportPath: string[];
  signature: SideSignature;
  constants: Constants;
}

/** Where a side's module is. */
export interface SideModule {
  language: SourceLanguage;
  root: string;
  /** Absolute path. */
  file: string;
}

/**
 * The exported functions of each module. Script modules are read together with one TypeScript
 * program; a Python module is described by the driver (an import failure is the reason returned).
 */
export async function sideFunctions(modules: readonly SideModule[], python: PythonRunner | undefined, timeoutMs: number): Promise<Result<SideFunction[], string>[]> {
  const scripts = modules.filter((module) => module.language !== 'python').map((module) => module.file);
  const described = scripts.length > 0 ? describeScripts(scripts) : new Map<string, ScriptFunction[]>();
  return Promise.all(
    modules.map(async (module): Promise<Result<SideFunction[], string>> => {
      if (module.language !== 'python') {
        const functions = described.get(module.file) ?? [];
        return ok(functions.map((fn) => ({ name: fn.exportPath.join('.'), exportPath: fn.exportPath, signature: { language: 'script', parameters: fn.parameters }, constants: fn.constants })));
      }
      if (!python) return { success: false, error: 'python3 not found: install Python 3 to compare Python code' };
      const functions = await describePython(python, module.root, module.file, timeoutMs);
      if (!functions.success) return functions;
      return ok(functions.value.map((fn) => ({ name: fn.name, exportPath: [fn.name], signature: pythonSignature(fn), constants: fn.constants })));
    }),
  );
}
