/** The extraction rules for each supported language, loaded on first use of the language. */
import { CodewrightError } from '../../../core/errors.ts';
import type { Language } from '../../../core/types.ts';
import type { LanguageRules } from '../rules.ts';

// One module graph per language: a run that meets only TypeScript loads none of the others.
const loaders: Record<Language, () => Promise<LanguageRules>> = {
  typescript: async () => (await import('./typescript.ts')).typescriptRules,
  tsx: async () => (await import('./typescript.ts')).typescriptRules,
  javascript: async () => (await import('./typescript.ts')).typescriptRules,
  python: async () => (await import('./python.ts')).pythonRules,
  java: async () => (await import('./java.ts')).javaRules,
  go: async () => (await import('./go.ts')).goRules,
  rust: async () => (await import('./rust.ts')).rustRules,
  c: async () => (await import('./c.ts')).cRules,
  cpp: async () => (await import('./cpp.ts')).cppRules,
};

const loaded = new Map<Language, LanguageRules>();

/** Loads the rules of a language (`loadGrammar` does it); later calls return the same rules. */
export async function loadRules(language: Language): Promise<LanguageRules> {
  const known = loaded.get(language);
  if (known) return known;
  const rules = await loaders[language]();
  loaded.set(language, rules);
  return rules;
}

/** The rules for a language; throws when `loadRules` has not completed for it. */
export function rulesFor(language: Language): LanguageRules {
  const rules = loaded.get(language);
  if (rules) return rules;
  throw new CodewrightError({
    code: 'INTERNAL',
    message: `The ${language} extraction rules are not loaded. Call \`await loadGrammar('${language}')\` before extracting facts.`,
    data: { language },
  });
}
