/** A TypeScript program that imports one module specifier from a repository root, to read what the installed module declares. */
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { inferredCompilerOptions } from '../../atlas/precise/inferred-options.ts';

/** The program and the module symbol the specifier resolves to. */
export interface ModuleProgram {
  program: ts.Program;
  checker: ts.TypeChecker;
  /** The resolved module; undefined when TypeScript cannot resolve the specifier. */
  moduleSymbol: ts.Symbol | undefined;
  /** The file the specifier resolved to (a declaration file, or JavaScript when the package has no types). */
  resolvedFile: string | undefined;
}

const importerName = '__codewright_api_lookup__.ts';
/** TypeScript's own lib files never change: parsed once per process, they make later lookups fast. */
const libraryFiles = new Map<string, ts.SourceFile | undefined>();

/**
 * Builds a program whose only root is a virtual file at `root` importing `specifier`, so module resolution
 * walks the repository's node_modules as its own code would. Packages without declarations are read from their JavaScript.
 */
export function createModuleProgram(root: string, specifier: string): ModuleProgram {
  const options: ts.CompilerOptions = { ...inferredCompilerOptions(), types: [], maxNodeModuleJsDepth: 1, noResolve: false };
  const importer = join(root, importerName).replace(/\\/g, '/');
  const text = `import * as target from ${JSON.stringify(specifier)};\nexport { target };\n`;
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  const libraryFolder = dirname(ts.getDefaultLibFilePath(options));
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (fileName === importer) return ts.createSourceFile(fileName, text, languageVersion, true);
    if (!fileName.startsWith(libraryFolder)) return getSourceFile(fileName, languageVersion, onError, shouldCreate);
    if (!libraryFiles.has(fileName)) libraryFiles.set(fileName, getSourceFile(fileName, languageVersion, onError, shouldCreate));
    return libraryFiles.get(fileName);
  };
  host.fileExists = (fileName) => fileName === importer || fileExists(fileName);
  host.readFile = (fileName) => (fileName === importer ? text : readFile(fileName));
  const program = ts.createProgram({ rootNames: [importer], options, host });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(importer);
  const declaration = source?.statements.find(ts.isImportDeclaration);
  const moduleSymbol = declaration ? checker.getSymbolAtLocation(declaration.moduleSpecifier) : undefined;
  const resolved = ts.resolveModuleName(specifier, importer, options, host).resolvedModule;
  return { program, checker, moduleSymbol, resolvedFile: resolved?.resolvedFileName ?? moduleSymbol?.declarations?.[0]?.getSourceFile().fileName };
}
