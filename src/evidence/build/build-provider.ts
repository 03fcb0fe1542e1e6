/** The `build` evidence provider: changed files parse, the project type-checks, and Python compiles, new errors only. */
import type { Evidence } from '../../core/change.ts';
import type { CheckContext, EvidenceProvider } from '../types.ts';
import { checkPython } from './check-python.ts';
import { checkTypeScript, typescriptFile } from './check-types.ts';
import { changedFiles, hunkIdsOf } from './hunk-lines.ts';

/** Options of the build provider. */
export interface BuildProviderOptions {
  /** Interpreter for Python syntax checks (default `python3`). */
  python?: string;
}

const pythonFile = /\.pyi?$/;
/** Code that the build provider has no check for. */
const otherCode = /\.(c|cc|cpp|cxx|h|hh|hpp|java|go|rs)$/;

async function checkBuild(context: CheckContext, options: BuildProviderOptions): Promise<Evidence[]> {
  const files = changedFiles(context.change);
  const deleted = context.change.files.flatMap((file) => (file.kind === 'deleted' && file.oldPath && typescriptFile.test(file.oldPath) ? [file.oldPath] : []));
  const scripts = files.filter((file) => typescriptFile.test(file.path)).map((file) => file.path);
  const python = files.filter((file) => pythonFile.test(file.path));
  const others = files.filter((file) => otherCode.test(file.path)).map((file) => file.path);
  const evidence: Evidence[] = [];
  if (scripts.length > 0 || deleted.length > 0) evidence.push(...(await checkTypeScript(context, scripts, deleted)));
  if (python.length > 0) evidence.push(...(await checkPython(context, python, options.python ?? 'python3')));
  if (others.length > 0) {
    evidence.push({
      kind: 'build',
      status: 'unavailable',
      message: `no build check for ${others.length === 1 ? others[0] : `${others.length} files`} (TypeScript, JavaScript and Python only)`,
      hunks: hunkIdsOf(context.hunks, others),
    });
  }
  return evidence;
}

/** Creates the build provider: `fail` per new type or syntax error, `pass` per clean config, `unavailable` with the reason. */
export function createBuildProvider(options: BuildProviderOptions = {}): EvidenceProvider {
  return { specificationVersion: 'v1', kind: 'build', doCheck: (context) => checkBuild(context, options) };
}
