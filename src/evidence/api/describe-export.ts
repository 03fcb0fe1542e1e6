/** Describes one declared name for a reader: its kind, its signatures as TypeScript prints them, deprecation and doc. */
import ts from 'typescript';
import { symbolDeprecation } from './deprecation.ts';

/** What a module (or a class, namespace or object) offers under one name. */
export interface DeclaredName {
  name: string;
  kind: 'function' | 'class' | 'interface' | 'type' | 'enum' | 'namespace' | 'variable' | 'property' | 'method' | 'unknown';
  /** One line per overload for callables; the type of a value; the head of a type declaration. */
  signatures: string[];
  /** The `@deprecated` text ('' without text); absent when not deprecated. */
  deprecated?: string;
  /** The first line of the doc comment. */
  doc?: string;
}

const maxSignature = 400;
const flags = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseFullyQualifiedType;

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > maxSignature ? `${flat.slice(0, maxSignature - 1)}…` : flat;
}

/** Follows aliases (`export { a as b }`, re-exports) to the declared symbol. */
export function resolveAlias(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

function kindOf(symbol: ts.Symbol, callable: boolean): DeclaredName['kind'] {
  const f = symbol.flags;
  if (f & ts.SymbolFlags.Class) return 'class';
  if (f & ts.SymbolFlags.Function) return 'function';
  if (f & ts.SymbolFlags.Method) return 'method';
  if (f & ts.SymbolFlags.Enum) return 'enum';
  if (f & ts.SymbolFlags.Interface) return 'interface';
  if (f & ts.SymbolFlags.TypeAlias) return 'type';
  if (f & (ts.SymbolFlags.ValueModule | ts.SymbolFlags.NamespaceModule)) return 'namespace';
  if (f & ts.SymbolFlags.Property) return callable ? 'method' : 'property';
  if (f & ts.SymbolFlags.Variable) return callable ? 'function' : 'variable';
  return 'unknown';
}

function callSignatures(checker: ts.TypeChecker, name: string, type: ts.Type, at: ts.Node | undefined): string[] {
  return type.getCallSignatures().map((signature) => clip(`${name}${checker.signatureToString(signature, at, flags)}`));
}

/** Describes `symbol` under `name` (the exported name, which may differ from the declared one). */
export function describeSymbol(checker: ts.TypeChecker, name: string, exported: ts.Symbol): DeclaredName {
  const symbol = resolveAlias(checker, exported);
  const at = symbol.valueDeclaration ?? symbol.declarations?.[0];
  const valueType = symbol.flags & ts.SymbolFlags.Value && at ? checker.getTypeOfSymbolAtLocation(symbol, at) : undefined;
  const callable = (valueType?.getCallSignatures().length ?? 0) > 0;
  const kind = kindOf(symbol, callable);
  let signatures: string[] = [];
  if (kind === 'class' && valueType) {
    const constructors = valueType.getConstructSignatures().map((signature) => clip(`new ${name}${checker.signatureToString(signature, at, flags)}`));
    signatures = constructors.length > 0 ? constructors : [`class ${name}`];
  } else if (callable && valueType) {
    signatures = callSignatures(checker, name, valueType, at);
  } else if (kind === 'interface' || kind === 'type') {
    const declared = checker.getDeclaredTypeOfSymbol(symbol);
    signatures = [clip(kind === 'type' ? `type ${name} = ${checker.typeToString(declared, at, flags | ts.TypeFormatFlags.InTypeAlias)}` : `interface ${name} { ${checker.getPropertiesOfType(declared).map((property) => property.name).join('; ')} }`)];
  } else if (kind === 'enum') {
    signatures = [clip(`enum ${name} { ${(checker.getExportsOfModule(symbol) ?? []).map((member) => member.name).join(', ')} }`)];
  } else if (kind === 'namespace') {
    signatures = [`namespace ${name} (${checker.getExportsOfModule(symbol).length} exports)`];
  } else if (valueType) {
    signatures = [clip(`${name}: ${checker.typeToString(valueType, at, flags)}`)];
  }
  const deprecated = symbolDeprecation(checker, symbol);
  const doc = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim().split('\n')[0]?.trim();
  return { name, kind, signatures, ...(deprecated !== undefined ? { deprecated } : {}), ...(doc ? { doc } : {}) };
}

/** The names reachable from `symbol` with `.`: a namespace's exports, a class's static and instance members, a value's properties. */
export function membersOf(checker: ts.TypeChecker, exported: ts.Symbol): ts.Symbol[] {
  const symbol = resolveAlias(checker, exported);
  if (symbol.flags & (ts.SymbolFlags.ValueModule | ts.SymbolFlags.NamespaceModule | ts.SymbolFlags.Enum)) return checker.getExportsOfModule(symbol);
  const at = symbol.valueDeclaration ?? symbol.declarations?.[0];
  const members: ts.Symbol[] = [];
  if (symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface)) members.push(...checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol)));
  if (symbol.flags & ts.SymbolFlags.Value && at) {
    const statics = checker.getPropertiesOfType(checker.getTypeOfSymbolAtLocation(symbol, at));
    members.push(...statics.filter((member) => member.name !== 'prototype'));
  }
  const seen = new Set<string>();
  return members.filter((member) => !seen.has(member.name) && seen.add(member.name));
}
