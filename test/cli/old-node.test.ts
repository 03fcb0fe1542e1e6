import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath } from '../helpers/cli.ts';

// This Node pretends to be 20.1.0 before the entry point runs, as an old Node would report itself.
const pretendOld = `data:text/javascript,Object.defineProperty(process.versions, 'node', { value: '20.1.0' }); Object.defineProperty(process, 'version', { value: 'v20.1.0' });`;

describe('bin/codewright.js on a Node older than 22.13', () => {
  it('exits 2 and names a script of the checkout that installs Node 24', () => {
    const result = spawnSync(process.execPath, ['--import', pretendOld, cliPath, 'index', '.'], { encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('codewright needs Node >= 22.13 (this is v20.1.0)');
    const script = /Run it as `bash (\S+) index \.`/.exec(result.stderr)?.[1];
    expect(script).toBe('scripts/codewright');
    // The script it names exists in the checkout.
    expect(existsSync(join(dirname(dirname(cliPath)), script!))).toBe(true);
  });
});
