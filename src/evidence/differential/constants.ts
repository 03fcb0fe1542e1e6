/** Constants mined from a function's code and its harvested inputs, to reach boundaries random values miss. */
import ts from 'typescript';

/** Numbers (each with its neighbours) and strings worth trying first. */
export interface Constants {
  numbers: number[];
  strings: string[];
}

const maxEach = 100;
const maxStringLength = 64;

function addNumber(numbers: Set<number>, value: number): void {
  if (!Number.isFinite(value)) return;
  for (const near of [value, value - 1, value + 1]) numbers.add(near);
}

function addFromValue(constants: { numbers: Set<number>; strings: Set<string> }, value: unknown, depth = 0): void {
  if (typeof value === 'number') addNumber(constants.numbers, value);
  else if (typeof value === 'string' && value.length <= maxStringLength) constants.strings.add(value);
  else if (depth < 4 && Array.isArray(value)) for (const item of value) addFromValue(constants, item, depth + 1);
  else if (depth < 4 && typeof value === 'object' && value !== null) for (const item of Object.values(value)) addFromValue(constants, item, depth + 1);
}

/** Literals inside `nodes` (both versions of a function) and inside `inputs` (argument lists from the tests). */
export function collectConstants(nodes: readonly ts.Node[], inputs: readonly unknown[][]): Constants {
  const found = { numbers: new Set<number>(), strings: new Set<string>() };
  const visit = (node: ts.Node): void => {
    if (ts.isNumericLiteral(node)) {
      const value = Number(node.text.replaceAll('_', ''));
      const negated = ts.isPrefixUnaryExpression(node.parent) && node.parent.operator === ts.SyntaxKind.MinusToken;
      addNumber(found.numbers, negated ? -value : value);
    } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && node.text.length <= maxStringLength) {
      found.strings.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  for (const node of nodes) visit(node);
  for (const input of inputs) addFromValue(found, input);
  return { numbers: [...found.numbers].slice(0, maxEach), strings: [...found.strings].slice(0, maxEach) };
}
