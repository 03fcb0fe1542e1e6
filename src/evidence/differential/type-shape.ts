/** Turns TypeScript types into generable shapes, or says why a type cannot be generated. */
import ts from 'typescript';
import type { Result } from '../../core/result.ts';
import { fail, ok } from '../../core/result.ts';
import type { PropertyShape, Shape } from './shape.ts';

const maxDepth = 5;

interface Walk {
  checker: ts.TypeChecker;
  /** Where property types are read. */
  at: ts.Node;
  /** Object types being expanded, to refuse recursive types. */
  stack: ts.Type[];
}

function describe(walk: Walk, type: ts.Type): string {
  return `\`${walk.checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation)}\``;
}

function literalShape(walk: Walk, type: ts.Type): Shape | undefined {
  if (type.flags & ts.TypeFlags.BooleanLiteral) return { kind: 'constant', value: walk.checker.typeToString(type) === 'true' };
  if (type.isStringLiteral() || type.isNumberLiteral()) return { kind: 'constant', value: type.value };
  if (type.flags & ts.TypeFlags.BigIntLiteral) {
    const value = (type as ts.BigIntLiteralType).value;
    return { kind: 'constant', value: BigInt(`${value.negative ? '-' : ''}${value.base10Value}`) };
  }
  if (type.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) return { kind: 'constant', value: undefined };
  if (type.flags & ts.TypeFlags.Null) return { kind: 'constant', value: null };
  return undefined;
}

function primitiveShape(type: ts.Type): Shape | undefined {
  if (type.flags & ts.TypeFlags.Number) return { kind: 'number' };
  if (type.flags & ts.TypeFlags.String) return { kind: 'string' };
  if (type.flags & ts.TypeFlags.Boolean) return { kind: 'boolean' };
  if (type.flags & ts.TypeFlags.BigInt) return { kind: 'bigint' };
  return undefined;
}

function unionShape(walk: Walk, type: ts.UnionType, depth: number): Result<Shape, string> {
  const options: Shape[] = [];
  const booleans = type.types.filter((member) => member.flags & ts.TypeFlags.BooleanLiteral);
  // `boolean` inside a union arrives as `true | false`: keep it one option so it is not over-weighted.
  if (booleans.length === 2) options.push({ kind: 'boolean' });
  for (const member of type.types) {
    if (booleans.length === 2 && booleans.includes(member)) continue;
    const shape = shapeOf(walk, member, depth);
    if (!shape.success) return shape;
    options.push(shape.value);
  }
  return ok(options.length === 1 ? options[0]! : { kind: 'union', options });
}

function objectShape(walk: Walk, type: ts.Type, depth: number): Result<Shape, string> {
  const { checker } = walk;
  if (type.getCallSignatures().length > 0) return fail(`${describe(walk, type)} is a function type`);
  if (type.getConstructSignatures().length > 0) return fail(`${describe(walk, type)} is a class constructor`);
  if (checker.isTupleType(type)) {
    const target = (type as ts.TupleTypeReference).target;
    if (target.hasRestElement) return fail(`${describe(walk, type)} is a tuple with a rest element`);
    const items = shapesOf(walk, checker.getTypeArguments(type as ts.TypeReference), depth + 1);
    return items.success ? ok({ kind: 'tuple', items: items.value, required: target.minLength }) : items;
  }
  if (checker.isArrayType(type)) {
    const item = shapeOf(walk, checker.getTypeArguments(type as ts.TypeReference)[0]!, depth + 1);
    return item.success ? ok({ kind: 'array', item: item.value }) : item;
  }
  const symbol = type.getSymbol();
  if (symbol?.getName() === 'Date' && checker.getPropertyOfType(type, 'getTime')) return ok({ kind: 'date' });
  if (symbol && symbol.flags & ts.SymbolFlags.Class) return fail(`${describe(walk, type)} is a class instance`);
  return propertiesShape(walk, type, depth);
}

function propertiesShape(walk: Walk, type: ts.Type, depth: number): Result<Shape, string> {
  const { checker } = walk;
  const properties: PropertyShape[] = [];
  for (const property of checker.getPropertiesOfType(type)) {
    const propertyType = checker.getTypeOfSymbolAtLocation(property, walk.at);
    if (propertyType.getCallSignatures().length > 0) return fail(`${describe(walk, type)} has a method \`${property.getName()}\``);
    const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
    const shape = shapeOf(walk, optional ? checker.getNonNullableType(propertyType) : propertyType, depth + 1);
    if (!shape.success) return shape;
    properties.push({ name: property.getName(), shape: shape.value, optional });
  }
  const index = checker.getIndexInfosOfType(type).find((info) => info.keyType.flags & ts.TypeFlags.String);
  if (index && properties.length === 0) {
    const value = shapeOf(walk, index.type, depth + 1);
    return value.success ? ok({ kind: 'dictionary', value: value.value }) : value;
  }
  if (checker.getIndexInfosOfType(type).length > 0) return fail(`${describe(walk, type)} mixes properties and an index signature`);
  return ok({ kind: 'object', properties });
}

function shapesOf(walk: Walk, types: readonly ts.Type[], depth: number): Result<Shape[], string> {
  const shapes: Shape[] = [];
  for (const type of types) {
    const shape = shapeOf(walk, type, depth);
    if (!shape.success) return shape;
    shapes.push(shape.value);
  }
  return ok(shapes);
}

function shapeOf(walk: Walk, type: ts.Type, depth: number): Result<Shape, string> {
  if (depth > maxDepth) return fail(`${describe(walk, type)} nests too deeply`);
  const primitive = primitiveShape(type) ?? literalShape(walk, type);
  if (primitive) return ok(primitive);
  if (type.flags & ts.TypeFlags.Any) return fail('type `any` says nothing to generate from');
  if (type.flags & ts.TypeFlags.Unknown) return fail('type `unknown` says nothing to generate from');
  if (type.flags & ts.TypeFlags.Never) return fail('type `never` has no values');
  if (type.flags & ts.TypeFlags.TypeParameter) {
    const constraint = walk.checker.getBaseConstraintOfType(type);
    // An unconstrained type parameter cannot be looked into, so any simple value exercises it.
    if (!constraint || constraint.flags & ts.TypeFlags.Unknown) return ok({ kind: 'union', options: [{ kind: 'number' }, { kind: 'string' }] });
    return shapeOf(walk, constraint, depth);
  }
  if (type.isUnion()) return unionShape(walk, type, depth);
  if (type.flags & ts.TypeFlags.Object || type.isIntersection()) {
    if (walk.stack.includes(type)) return fail(`${describe(walk, type)} is recursive`);
    walk.stack.push(type);
    try {
      return objectShape(walk, type, depth);
    } finally {
      walk.stack.pop();
    }
  }
  return fail(`${describe(walk, type)} is not a type inputs can be generated for`);
}

/** The shape of `type` as seen at `at`, or the reason it cannot be generated. */
export function shapeOfType(checker: ts.TypeChecker, type: ts.Type, at: ts.Node): Result<Shape, string> {
  return shapeOf({ checker, at, stack: [] }, type, 0);
}
