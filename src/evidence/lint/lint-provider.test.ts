import { afterEach, describe, expect, it } from 'vitest';
import { createCheckFixture, type CheckFixture } from '../build/testing/check-fixture.ts';
import { createLintProvider } from './lint-provider.ts';

const config = "export default [{ files: ['**/*.js'], rules: { 'no-var': 'error', 'no-debugger': 'warn' } }];\n";
const base = ['var legacy = 1;', 'export const kept = legacy;', ''].join('\n');

let fixture: CheckFixture | undefined;
afterEach(() => {
  fixture?.remove();
  fixture = undefined;
});

describe('lint provider', () => {
  it('reports the one finding a change introduces, not the old one it moved', async () => {
    const changed = ['// header', 'var legacy = 1;', 'export const kept = legacy;', 'var added = 2;', 'export { added };', ''].join('\n');
    fixture = createCheckFixture({ 'eslint.config.mjs': config, 'src/a.js': base }, { 'src/a.js': changed });
    const evidence = await createLintProvider().doCheck(fixture.context);
    expect(evidence).toEqual([
      expect.objectContaining({
        kind: 'lint',
        status: 'fail',
        message: 'lint error no-var at src/a.js:4: Unexpected var, use let or const instead.',
        hunks: ['src/a.js#0'],
        location: { path: 'src/a.js', line: 4 },
      }),
    ]);
  });

  it('reports new warnings as warnings and passes a clean change', async () => {
    fixture = createCheckFixture(
      { 'eslint.config.mjs': config, 'src/a.js': base, 'src/b.js': 'export const b = 1;\n' },
      { 'src/a.js': `${base}debugger;\n`, 'src/b.js': 'export const b = 2;\n' },
    );
    const evidence = await createLintProvider().doCheck(fixture.context);
    expect(evidence.map((item) => [item.status, item.message])).toEqual([['warn', 'lint warning no-debugger at src/a.js:3: Unexpected \'debugger\' statement.']]);
    fixture.remove();
    fixture = createCheckFixture({ 'eslint.config.mjs': config, 'src/b.js': 'export const b = 1;\n' }, { 'src/b.js': 'export const b = 2;\n' });
    const clean = await createLintProvider().doCheck(fixture.context);
    expect(clean).toEqual([expect.objectContaining({ status: 'pass', message: expect.stringMatching(/^no new lint findings \(eslint \d+\.\d+\.\d+, src\/b\.js\)$/) })]);
  });

  it('is unavailable when no linter is configured', async () => {
    fixture = createCheckFixture({ 'src/a.js': base }, { 'src/a.js': `${base}var more = 1;\n` });
    const evidence = await createLintProvider().doCheck(fixture.context);
    expect(evidence).toEqual([{ kind: 'lint', status: 'unavailable', message: 'no linter configured', hunks: ['src/a.js#0'] }]);
  });

  it('is unavailable when the configured linter is not installed', async () => {
    fixture = createCheckFixture({ 'eslint.config.mjs': config, 'src/a.js': base }, { 'src/a.js': `${base}var more = 1;\n` }, { nodeModules: false });
    const evidence = await createLintProvider().doCheck(fixture.context);
    expect(evidence[0]).toMatchObject({ status: 'unavailable', message: 'eslint is configured (eslint.config.mjs) but not installed; run npm install' });
  });

  it('is unavailable when a legacy .eslintrc meets an ESLint that no longer reads it', async () => {
    fixture = createCheckFixture({ '.eslintrc.json': '{ "rules": { "no-var": "error" } }', 'src/a.js': base }, { 'src/a.js': `${base}var more = 1;\n` });
    const evidence = await createLintProvider().doCheck(fixture.context);
    expect(evidence[0]).toMatchObject({ status: 'unavailable', message: expect.stringMatching(/^eslint 1\d\.\d+\.\d+ no longer reads legacy \.eslintrc configs; migrate to eslint\.config\.js$/) });
  });
});
