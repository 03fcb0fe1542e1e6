/** Literal argument lists that the source's own tests call its functions with, encoded, per function name. */
import path from 'node:path';
import { encodeValue } from '../../../evidence/differential/codec.ts';
import { type EncodedValue, harvestInputs } from '../../../evidence/differential/index.ts';
import { isTestFileFor } from '../../../evidence/tests/test-file-patterns.ts';
import { worktreeFiles } from '../../scaling/run-tests-in.ts';
import { type PythonRunner, harvestPython } from './python-side.ts';
import type { SideFunction, SideModule } from './side-functions.ts';

/** For a script source: calls in its JavaScript or TypeScript tests; for a Python source: calls in test_*.py files. */
export async function harvestSourceInputs(source: SideModule, functions: readonly SideFunction[], python: PythonRunner | undefined, timeoutMs: number): Promise<Map<string, EncodedValue[][]>> {
  if (source.language !== 'python') {
    const requests = functions.map((fn) => ({ file: source.file, exportPath: fn.exportPath }));
    const found = await harvestInputs(source.root, requests).catch(() => []);
    return new Map(functions.map((fn, index) => [fn.name, (found[index] ?? []).map((args) => args.map(encodeValue))]));
  }
  if (!python) return new Map();
  const files = await worktreeFiles(source.root, timeoutMs).catch(() => []);
  const tests = files.filter((file) => isTestFileFor('pytest', file) || isTestFileFor('unittest', file)).map((file) => path.join(source.root, file));
  return harvestPython(python, source.root, tests, functions.map((fn) => fn.name), timeoutMs);
}
