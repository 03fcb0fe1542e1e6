/** Reads tsconfig/jsconfig files once each, turning broken ones into problems instead of crashes. */
import ts from 'typescript';
import type { PreciseProblem } from './backend.ts';
import { createProblem } from './problems.ts';
import { fail, ok, type Result } from '../../core/result.ts';

/** A parsed config and the configs it references. */
export interface ConfigEntry {
  /** Absolute file name. */
  fileName: string;
  parsed: ts.ParsedCommandLine;
  /** Absolute file names of referenced configs. */
  references: string[];
  /** Non-fatal diagnostics, such as unknown options. */
  warnings: PreciseProblem[];
}

/** Reads configs with a shared cache of extended configs. */
export interface ConfigReader {
  read(fileName: string): Result<ConfigEntry, PreciseProblem>;
}

/** Diagnostics that mean the options are not what the author wrote: a missing or unreadable `extends`. */
const fatalCodes = new Set([5083, 6053, 18001]);
/** Solution-style configs legitimately have no inputs. */
const ignoredCodes = new Set([18002, 18003]);

/** Creates a reader; `relative` turns absolute names into repository paths for messages. */
export function createConfigReader(relative: (fileName: string) => string): ConfigReader {
  const cache = new Map<string, Result<ConfigEntry, PreciseProblem>>();
  const extendedConfigCache = new Map<string, ts.ExtendedConfigCacheEntry>();
  return {
    read(fileName) {
      let entry = cache.get(fileName);
      if (!entry) {
        entry = readConfig(fileName, relative, extendedConfigCache);
        cache.set(fileName, entry);
      }
      return entry;
    },
  };
}

function readConfig(
  fileName: string,
  relative: (fileName: string) => string,
  extendedConfigCache: Map<string, ts.ExtendedConfigCacheEntry>,
): Result<ConfigEntry, PreciseProblem> {
  const config = relative(fileName);
  const syntax = ts.readConfigFile(fileName, ts.sys.readFile);
  if (syntax.error) {
    const detail = describeDiagnostic(syntax.error);
    return fail(
      createProblem('error', 'PARSE_FAILED', `Cannot parse ${config}: ${detail}. Fix the JSON; until then its files are resolved with default options.`, { config, diagnostic: detail }),
    );
  }
  let unrecoverable: ts.Diagnostic | undefined;
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      unrecoverable = diagnostic;
    },
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(fileName, undefined, host, extendedConfigCache);
  const fatal = unrecoverable ?? parsed?.errors.find((error) => fatalCodes.has(error.code));
  if (!parsed || fatal) {
    const detail = fatal ? describeDiagnostic(fatal) : 'unreadable';
    return fail(
      createProblem('error', 'NOT_FOUND', `Cannot load ${config}: ${detail}. Check its "extends" (install the package that provides it, or fix the path); until then its files are resolved with default options.`, { config, diagnostic: detail }),
    );
  }
  const warnings = parsed.errors
    .filter((error) => !ignoredCodes.has(error.code))
    .map((error) => createProblem('warning', 'INVALID_ARGUMENT', `${config}: ${describeDiagnostic(error)}`, { config }));
  const references = (parsed.projectReferences ?? []).map((reference) => ts.resolveProjectReferencePath(reference));
  return ok({ fileName, parsed, references, warnings });
}

function describeDiagnostic(diagnostic: ts.Diagnostic): string {
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  if (!diagnostic.file || diagnostic.start === undefined) return `TS${diagnostic.code} ${text}`;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `line ${line + 1}:${character + 1} TS${diagnostic.code} ${text}`;
}
