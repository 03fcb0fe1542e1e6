/** Finds module specifiers the checker cannot resolve, the usual sign of uninstalled dependencies. */
import ts from 'typescript';

/** Top-level import/export module specifiers of `file` that resolve to no module. */
export function unresolvedImports(checker: ts.TypeChecker, file: ts.SourceFile): string[] {
  const missing: string[] = [];
  for (const statement of file.statements) {
    let specifier: ts.Expression | undefined;
    // Side-effect imports (`import './styles.css'`) bind no names, so they cannot hurt resolution.
    if (ts.isImportDeclaration(statement)) specifier = statement.importClause ? statement.moduleSpecifier : undefined;
    else if (ts.isExportDeclaration(statement)) specifier = statement.moduleSpecifier;
    else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
      specifier = statement.moduleReference.expression;
    }
    if (!specifier || !ts.isStringLiteral(specifier)) continue;
    if (!checker.getSymbolAtLocation(specifier)) missing.push(specifier.text);
  }
  return missing;
}
