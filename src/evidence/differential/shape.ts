/** The shape of a parameter: a type description that input generators can be built from. */

/** A generable type. Constants are literal types (`'a'`, `1`, `true`, `null`, `undefined`). */
export type Shape =
  | { kind: 'number' }
  | { kind: 'string' }
  | { kind: 'boolean' }
  | { kind: 'bigint' }
  | { kind: 'date' }
  | { kind: 'constant'; value: string | number | boolean | bigint | null | undefined }
  | { kind: 'union'; options: Shape[] }
  | { kind: 'array'; item: Shape }
  | { kind: 'tuple'; items: Shape[]; required: number }
  | { kind: 'object'; properties: PropertyShape[] }
  | { kind: 'dictionary'; value: Shape };

/** One property of an object shape. */
export interface PropertyShape {
  name: string;
  shape: Shape;
  optional: boolean;
}

/** One parameter of a function: optional parameters may be left out, a rest parameter spreads an array. */
export interface ParameterShape {
  name: string;
  shape: Shape;
  optional: boolean;
  rest: boolean;
}

/** A stable text key of parameter shapes, to compare base and change signatures. */
export function shapeKey(parameters: readonly ParameterShape[]): string {
  return JSON.stringify(parameters, (_key, value: unknown) =>
    typeof value === 'bigint' ? `${value}n` : value === undefined ? '<undefined>' : value,
  );
}
