/** The generable shapes of a function's parameters, or the first reason one cannot be generated. */
import ts from 'typescript';
import type { Result } from '../../core/result.ts';
import { fail, ok } from '../../core/result.ts';
import type { ExportedFunction } from './exported-functions.ts';
import type { ParameterShape, Shape } from './shape.ts';
import { shapeOfType } from './type-shape.ts';

/** An optional parameter may be left out; generating an explicit `undefined` for it adds nothing. */
function withoutUndefined(shape: Shape): Shape {
  if (shape.kind !== 'union') return shape;
  const options = shape.options.filter((option) => !(option.kind === 'constant' && option.value === undefined));
  return options.length === 1 ? options[0]! : { kind: 'union', options };
}

/** Shapes of `fn`'s parameters in order; a rest parameter has an array shape. */
export function parameterShapes(checker: ts.TypeChecker, fn: ExportedFunction): Result<ParameterShape[], string> {
  if (!fn.signature) return fail('its type has no call signature');
  const shapes: ParameterShape[] = [];
  for (const parameter of fn.signature.getParameters()) {
    const declaration = parameter.valueDeclaration;
    const node = declaration && ts.isParameter(declaration) ? declaration : undefined;
    const rest = node?.dotDotDotToken !== undefined;
    const optional = node !== undefined && !rest && checker.isOptionalParameter(node);
    const type = checker.getTypeOfSymbolAtLocation(parameter, fn.declaration);
    const shape = shapeOfType(checker, type, fn.declaration);
    if (!shape.success) return fail(`parameter \`${parameter.getName()}\`: ${shape.error}`);
    if (rest && shape.value.kind !== 'array') return fail(`rest parameter \`${parameter.getName()}\` is not a plain array`);
    shapes.push({ name: parameter.getName(), shape: optional ? withoutUndefined(shape.value) : shape.value, optional, rest });
  }
  return ok(shapes);
}
