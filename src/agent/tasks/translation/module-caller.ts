/** One side of a translation as something to call: a script module through a harness, or a Python module through the driver. */
import type { Result } from '../../../core/result.ts';
import { type CallOutcome, type EncodedValue, createHarness } from '../../../evidence/differential/index.ts';
import type { SourceLanguage } from './languages.ts';
import { type PythonRunner, callPython } from './python-side.ts';
import { callScript } from './script-side.ts';

/** Calls functions of one module, in input order; fewer outcomes than inputs means it stopped after too many timeouts. `close` ends its child processes. */
export interface ModuleCaller {
  call(exportPath: string[], inputs: readonly EncodedValue[][]): Promise<Result<CallOutcome[], string>>;
  close(): void;
}

export interface CallerOptions {
  language: SourceLanguage;
  /** The worktree the module belongs to; processes run there. */
  root: string;
  /** Absolute path of the module. */
  file: string;
  callTimeoutMs: number;
  /** Calls that may time out before the rest of the inputs are given up (each costs a call limit). */
  maxTimeouts: number;
  /** Limit of starting a process and importing the module. */
  timeoutMs: number;
  python?: PythonRunner;
}

/** A caller for the module; Python needs `options.python`. */
export function createModuleCaller(options: CallerOptions): ModuleCaller {
  if (options.language === 'python') {
    const python = options.python;
    return {
      call: async (exportPath, inputs) => {
        if (!python) return { success: false, error: 'python3 not found: install Python 3 to compare Python code' };
        const target = { root: options.root, file: options.file, name: exportPath.join('.') };
        return callPython(python, target, inputs, { callTimeoutMs: options.callTimeoutMs, timeoutMs: options.timeoutMs, maxTimeouts: options.maxTimeouts });
      },
      close: () => {},
    };
  }
  const harness = createHarness({ cwd: options.root, callTimeoutMs: options.callTimeoutMs, startTimeoutMs: options.timeoutMs });
  return {
    call: (exportPath, inputs) => callScript(harness, options.file, exportPath, inputs, options.maxTimeouts),
    close: () => harness.close(),
  };
}
