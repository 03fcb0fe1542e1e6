/** Finds the module specifiers a source file imports, with regular expressions (no parser needed). */

const scriptImport = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(['"])([^'"\n]+)\1/g;
const pythonImport = /^[ \t]*import[ \t]+([\w.]+(?:[ \t]+as[ \t]+\w+)?(?:[ \t]*,[ \t]*[\w.]+(?:[ \t]+as[ \t]+\w+)?)*)/gm;
const pythonFromImport = /^[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]*)/gm;

function scriptSpecifiers(text: string): string[] {
  return [...text.matchAll(scriptImport)].map((match) => match[2]!);
}

function joinModule(module: string, name: string): string {
  return module.endsWith('.') ? `${module}${name}` : `${module}.${name}`;
}

function pythonSpecifiers(text: string): string[] {
  const specifiers: string[] = [];
  for (const match of text.matchAll(pythonImport)) {
    for (const part of match[1]!.split(',')) specifiers.push(part.trim().split(/\s+/)[0]!);
  }
  for (const match of text.matchAll(pythonFromImport)) {
    const module = match[1]!;
    specifiers.push(module);
    // `from package import module` imports a submodule when `module` is one.
    for (const name of match[2]!.replace(/[()\\]/g, ' ').split(',')) {
      const imported = name.trim().split(/\s+/)[0];
      if (imported && imported !== '*' && /^\w+$/.test(imported)) specifiers.push(joinModule(module, imported));
    }
  }
  return specifiers;
}

/** The specifiers `text` imports: `./a.ts`, `lodash` for scripts; `pkg.mod`, `.sibling` for Python. */
export function importSpecifiers(language: 'javascript' | 'python', text: string): string[] {
  return [...new Set(language === 'python' ? pythonSpecifiers(text) : scriptSpecifiers(text))];
}
