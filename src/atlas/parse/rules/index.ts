/** The extraction rules for each supported language. */
import type { Language } from '../../../core/types.ts';
import type { LanguageRules } from '../rules.ts';
import { cRules } from './c.ts';
import { cppRules } from './cpp.ts';
import { goRules } from './go.ts';
import { javaRules } from './java.ts';
import { pythonRules } from './python.ts';
import { rustRules } from './rust.ts';
import { typescriptRules } from './typescript.ts';

const byLanguage: Record<Language, LanguageRules> = {
  typescript: typescriptRules,
  tsx: typescriptRules,
  javascript: typescriptRules,
  python: pythonRules,
  java: javaRules,
  go: goRules,
  rust: rustRules,
  c: cRules,
  cpp: cppRules,
};

/** The rules for a language. */
export function rulesFor(language: Language): LanguageRules {
  return byLanguage[language];
}
