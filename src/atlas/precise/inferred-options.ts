/** Compiler options for the program that holds files no tsconfig/jsconfig includes. */
import ts from 'typescript';

/**
 * Lenient options for loose files: JavaScript allowed, bundler-style resolution (extensionless
 * and `.ts` imports both work), every file its own module so unrelated scripts do not collide.
 */
export function inferredCompilerOptions(): ts.CompilerOptions {
  return {
    allowJs: true,
    checkJs: false,
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    moduleDetection: ts.ModuleDetectionKind.Force,
    jsx: ts.JsxEmit.Preserve,
    resolveJsonModule: true,
    allowImportingTsExtensions: true,
    allowArbitraryExtensions: true,
    esModuleInterop: true,
    allowSyntheticDefaultImports: true,
    skipLibCheck: true,
    noEmit: true,
  };
}
