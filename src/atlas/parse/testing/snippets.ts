/** Test helpers: parse a snippet written to a temp file, and render facts as compact lines to compare. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Language } from '../../../core/types.ts';
import type { FileFacts } from '../../facts.ts';
import { parseFile } from '../parse-file.ts';

let folder: string | undefined;

/** Writes `source` to a temp file named `name` and parses it in this thread; fails unless parsed. */
export async function parseSnippet(language: Language, name: string, source: string): Promise<FileFacts> {
  folder ??= mkdtempSync(join(tmpdir(), 'codewright-parse-'));
  const absolutePath = join(folder, name);
  writeFileSync(absolutePath, source);
  const outcome = await parseFile({ path: name, absolutePath, language, size: source.length }, { chunks: false });
  if (outcome.status !== 'parsed') throw new Error(`${name} was not parsed: ${JSON.stringify(outcome)}`);
  return outcome.facts;
}

/** Removes the temp folder of the snippets; call it from `afterAll`. */
export function removeSnippets(): void {
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
}

/** One line per definition: `kind qualifiedName [exported]`. */
export function definitionLines(facts: FileFacts): string[] {
  return facts.symbols.map((symbol) => `${symbol.kind} ${symbol.qualifiedName}${symbol.exported ? ' exported' : ''}`);
}

/** The definition with this qualified name; fails when there is none. */
export function symbolNamed(facts: FileFacts, qualifiedName: string): FileFacts['symbols'][number] {
  const symbol = facts.symbols.find((candidate) => candidate.qualifiedName === qualifiedName);
  if (!symbol) throw new Error(`no symbol ${qualifiedName} in ${definitionLines(facts).join(', ')}`);
  return symbol;
}

/** One line per reference: `kind receiver.name line:column in enclosing-qualified-name`. */
export function referenceLines(facts: FileFacts, kinds?: readonly string[]): string[] {
  return facts.references
    .filter((reference) => !kinds || kinds.includes(reference.kind))
    .map((reference) => {
      const enclosing = reference.enclosing >= 0 ? facts.symbols[reference.enclosing]!.qualifiedName : '-';
      const name = reference.receiver ? `${reference.receiver}.${reference.name}` : reference.name;
      return `${reference.kind} ${name} ${reference.line}:${reference.column} in ${enclosing}`;
    });
}

/** One line per import: `source importedName as localName [reexport] @line`. */
export function importLines(facts: FileFacts): string[] {
  return facts.imports.map(
    (fact) => `${fact.source} ${fact.importedName || "''"} as ${fact.localName || "''"}${fact.reexport ? ' reexport' : ''} @${fact.line}`,
  );
}
