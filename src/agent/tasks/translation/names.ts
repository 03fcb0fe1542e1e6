/** How exported names carry across languages: Python snake_case to camelCase for JavaScript and TypeScript, and back. */
import type { SourceLanguage } from './languages.ts';

/**
 * `running_total` → `runningTotal`, `parse_HTTP_header` → `parseHTTPHeader`, `to_2d` → `to2d`; a trailing
 * underscore that only avoids a keyword (`type_`) is dropped; names without underscores stay as they are.
 */
export function snakeToCamel(name: string): string {
  const parts = name.split('_').filter((part) => part !== '');
  if (parts.length === 0) return name;
  return parts.map((part, index) => (index === 0 ? part : part[0]!.toUpperCase() + part.slice(1))).join('');
}

/** `runningTotal` → `running_total`, `parseHTTPHeader` → `parse_http_header`, `toJSON` → `to_json`, `sum2d` → `sum2d`. */
export function camelToSnake(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/**
 * The name an exported function must have in the translation: Python to JavaScript or TypeScript
 * uses camelCase, JavaScript or TypeScript to Python uses snake_case, JavaScript and TypeScript keep names.
 */
export function translatedName(name: string, from: SourceLanguage, to: SourceLanguage): string {
  if (from === 'python' && to !== 'python') return snakeToCamel(name);
  if (from !== 'python' && to === 'python') return camelToSnake(name);
  return name;
}
