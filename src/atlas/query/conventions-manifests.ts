/** What a repository's manifests and config files say about its tooling: linters, formatters, test frameworks, module system. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJson } from '../../core/result.ts';

/** A tool the repository is configured for, and the file that says so. */
export interface ConfiguredTool {
  kind: 'lint' | 'format' | 'types' | 'editor';
  tool: string;
  file: string;
}

const configFiles: { kind: ConfiguredTool['kind']; tool: string; files: string[] }[] = [
  { kind: 'lint', tool: 'eslint', files: ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', '.eslintrc', '.eslintrc.js', '.eslintrc.cjs', '.eslintrc.json', '.eslintrc.yml', '.eslintrc.yaml'] },
  { kind: 'lint', tool: 'biome', files: ['biome.json', 'biome.jsonc'] },
  { kind: 'lint', tool: 'oxlint', files: ['.oxlintrc.json'] },
  { kind: 'lint', tool: 'ruff', files: ['ruff.toml', '.ruff.toml'] },
  { kind: 'lint', tool: 'flake8', files: ['.flake8'] },
  { kind: 'lint', tool: 'pylint', files: ['.pylintrc', 'pylintrc'] },
  { kind: 'lint', tool: 'golangci-lint', files: ['.golangci.yml', '.golangci.yaml', '.golangci.toml'] },
  { kind: 'lint', tool: 'clippy', files: ['clippy.toml', '.clippy.toml'] },
  { kind: 'format', tool: 'prettier', files: ['.prettierrc', '.prettierrc.json', '.prettierrc.js', '.prettierrc.cjs', '.prettierrc.mjs', '.prettierrc.yaml', '.prettierrc.yml', '.prettierrc.toml', 'prettier.config.js', 'prettier.config.cjs', 'prettier.config.mjs', 'prettier.config.ts'] },
  { kind: 'format', tool: 'dprint', files: ['dprint.json', '.dprint.json'] },
  { kind: 'format', tool: 'rustfmt', files: ['rustfmt.toml', '.rustfmt.toml'] },
  { kind: 'format', tool: 'clang-format', files: ['.clang-format'] },
  { kind: 'types', tool: 'typescript', files: ['tsconfig.json', 'jsconfig.json'] },
  { kind: 'types', tool: 'mypy', files: ['mypy.ini', '.mypy.ini'] },
  { kind: 'types', tool: 'pyright', files: ['pyrightconfig.json'] },
  { kind: 'editor', tool: 'editorconfig', files: ['.editorconfig'] },
];

const pyprojectTools: { section: string; kind: ConfiguredTool['kind']; tool: string }[] = [
  { section: 'tool.ruff', kind: 'lint', tool: 'ruff' },
  { section: 'tool.pylint', kind: 'lint', tool: 'pylint' },
  { section: 'tool.black', kind: 'format', tool: 'black' },
  { section: 'tool.isort', kind: 'format', tool: 'isort' },
  { section: 'tool.mypy', kind: 'types', tool: 'mypy' },
  { section: 'tool.pyright', kind: 'types', tool: 'pyright' },
];

/** Test frameworks recognised by a dependency name in package.json. */
const javascriptFrameworks = ['vitest', 'jest', 'mocha', 'ava', 'tap', 'jasmine', 'uvu', '@playwright/test', 'cypress'];

function readText(root: string, path: string): string | undefined {
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch {
    return undefined;
  }
}

/** The root package.json as an object, or undefined. */
export function readPackageJson(root: string): Record<string, unknown> | undefined {
  const text = readText(root, 'package.json');
  if (text === undefined) return undefined;
  const parsed = parseJson(text);
  return parsed.success && typeof parsed.value === 'object' && parsed.value !== null ? (parsed.value as Record<string, unknown>) : undefined;
}

function dependencyNames(manifest: Record<string, unknown> | undefined): Set<string> {
  const names = new Set<string>();
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    const value = manifest?.[field];
    if (typeof value === 'object' && value !== null) for (const name of Object.keys(value)) names.add(name);
  }
  return names;
}

/** Linters, formatters, type checkers and editor settings configured at the repository root. */
export function configuredTools(root: string): ConfiguredTool[] {
  const found: ConfiguredTool[] = [];
  for (const { kind, tool, files } of configFiles) {
    const file = files.find((name) => existsSync(join(root, name)));
    if (file) found.push({ kind, tool, file });
  }
  const manifest = readPackageJson(root);
  if (manifest?.prettier !== undefined && !found.some((entry) => entry.tool === 'prettier')) found.push({ kind: 'format', tool: 'prettier', file: 'package.json' });
  if (manifest?.eslintConfig !== undefined && !found.some((entry) => entry.tool === 'eslint')) found.push({ kind: 'lint', tool: 'eslint', file: 'package.json' });
  const pyproject = readText(root, 'pyproject.toml') ?? '';
  for (const { section, kind, tool } of pyprojectTools) {
    if (pyproject.includes(`[${section}`) && !found.some((entry) => entry.tool === tool)) found.push({ kind, tool, file: 'pyproject.toml' });
  }
  return found;
}

/** Test frameworks named by the manifests: package.json dependencies, pytest configuration, go.mod, Cargo.toml. */
export function manifestTestFrameworks(root: string): string[] {
  const frameworks: string[] = [];
  const dependencies = dependencyNames(readPackageJson(root));
  for (const name of javascriptFrameworks) if (dependencies.has(name)) frameworks.push(name);
  const pyproject = readText(root, 'pyproject.toml') ?? '';
  const pytestConfigured =
    pyproject.includes('[tool.pytest') || /\bpytest\b/.test(pyproject) || ['pytest.ini', 'conftest.py'].some((name) => existsSync(join(root, name))) || /\[(tool:)?pytest\]/.test(readText(root, 'setup.cfg') ?? '') || /\[pytest\]/.test(readText(root, 'tox.ini') ?? '');
  if (pytestConfigured) frameworks.push('pytest');
  if (existsSync(join(root, 'go.mod'))) frameworks.push('go test');
  if (existsSync(join(root, 'Cargo.toml'))) frameworks.push('cargo test');
  return frameworks;
}

/** The `type` field of the root package.json: `module`, `commonjs`, or undefined when absent. */
export function packageModuleType(root: string): string | undefined {
  const type = readPackageJson(root)?.type;
  return typeof type === 'string' ? type : undefined;
}
