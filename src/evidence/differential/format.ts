/** Renders encoded values and call outcomes as short JavaScript-like text for messages. */
import type { EncodedValue } from './codec.ts';
import type { CallOutcome } from './protocol.ts';

const maxLength = 160;

function clip(text: string): string {
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

function formatKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
}

function formatTagged(value: Exclude<EncodedValue, string | boolean | null | number | EncodedValue[]>): string {
  switch (value.$) {
    case 'undefined':
      return 'undefined';
    case 'hole':
      return '<empty>';
    case 'number':
    case 'regexp':
      return value.value;
    case 'bigint':
      return `${value.value}n`;
    case 'date':
      return value.value === 'Invalid Date' ? 'Invalid Date' : `new Date(${JSON.stringify(value.value)})`;
    case 'symbol':
      return `Symbol(${value.value})`;
    case 'function':
      return `[Function ${value.value || '(anonymous)'}]`;
    case 'error':
      return `${value.class}: ${value.message}`;
    case 'object': {
      const body = value.entries.map(([key, item]) => `${formatKey(key)}: ${formatValue(item)}`).join(', ');
      const prefix = value.class === 'Object' ? '' : `${value.class ?? '[Object: null prototype]'} `;
      return body ? `${prefix}{ ${body} }` : `${prefix}{}`;
    }
    case 'map':
      return `Map(${value.entries.length}) { ${value.entries.map(([key, item]) => `${formatValue(key)} => ${formatValue(item)}`).join(', ')} }`;
    case 'set':
      return `Set(${value.items.length}) { ${value.items.map(formatValue).join(', ')} }`;
    case 'bytes':
      return `${value.class}(${value.items.length}) [${value.items.join(', ')}]`;
    case 'circular':
      return '[Circular]';
    case 'truncated':
      return '[…]';
  }
}

/** `"a"`, `1`, `-0`, `NaN`, `2n`, `[1, 2]`, `{ a: 1 }`, `Point { x: 1 }`. */
export function formatValue(value: EncodedValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return clip(JSON.stringify(value));
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return clip(`[${value.map(formatValue).join(', ')}]`);
  return clip(formatTagged(value));
}

/** An argument list as it would be written in a call: `("1.2.3-beta", "1.2.3")`. */
export function formatArguments(args: readonly EncodedValue[]): string {
  return `(${args.map(formatValue).join(', ')})`;
}

/** What a call did, as the verb phrase of a sentence: `returns -1`, `throws RangeError: bad`. */
export function formatOutcome(outcome: CallOutcome): string {
  switch (outcome.kind) {
    case 'return':
      return `returns ${formatValue(outcome.value)}`;
    case 'throw':
      return `throws ${formatValue(outcome.error)}`;
    case 'timeout':
      return `does not return within ${outcome.ms} ms`;
    case 'exit':
      return `ends the process (${outcome.signal ?? `exit code ${outcome.code}`})`;
    case 'unavailable':
      return `cannot run (${outcome.reason})`;
  }
}
