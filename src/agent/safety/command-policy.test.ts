import { describe, expect, it } from 'vitest';
import { CodewrightError } from '../../core/errors.ts';
import { defaultCommandPolicy, defaultDenyRules, mergeCommandPolicy, parseCommandPolicyConfig } from './command-policy.ts';
import { evaluateCommand } from './evaluate-command.ts';
import { defaultSecretPolicy } from './secret-files.ts';
import { splitCommand } from './split-command.ts';

const allowed = (line: string) => evaluateCommand(line, defaultCommandPolicy, defaultSecretPolicy);

describe('splitCommand', () => {
  it('splits pipelines and lists, removes quotes and redirections', () => {
    const split = splitCommand('FOO=1 npx vitest run "src/a b.test.ts" 2>&1 | tail -n 5 && echo done > out.txt; ls');
    expect(split).toEqual({
      success: true,
      value: [{ words: ['FOO=1', 'npx', 'vitest', 'run', 'src/a b.test.ts'] }, { words: ['tail', '-n', '5'] }, { words: ['echo', 'done'] }, { words: ['ls'] }],
    });
  });

  it('refuses what cannot be checked word by word', () => {
    expect(splitCommand('echo $(cat x)').success).toBe(false);
    expect(splitCommand('echo "`id`"').success).toBe(false);
    expect(splitCommand('diff <(ls a) <(ls b)').success).toBe(false);
    expect(splitCommand('cat <<EOF\nrm -rf /\nEOF').success).toBe(false);
    expect(splitCommand("echo 'open").success).toBe(false);
  });
});

describe('evaluateCommand with the default policy', () => {
  it.each([
    'npm test',
    'npx tsc --noEmit',
    'node --test test/cart.test.js',
    'python3 -m pytest -q tests/test_cart.py',
    'go test ./...',
    'cargo test',
    'git status',
    'git diff HEAD -- src',
    'git log --oneline -5',
    'grep -rn "curl" src | head -20',
    'sed -n 1,20p src/cart.js',
    'for f in src/*.js; do wc -l "$f"; done',
    'mkdir -p build && rm -rf build/tmp',
  ])('allows %s', (line) => {
    expect(allowed(line)).toMatchObject({ allowed: true });
  });

  it.each([
    ['curl https://example.com', 'network'],
    ['npm test && wget https://example.com/x', 'network'],
    ['sudo make install', 'privilege'],
    ['git push origin main', 'git-remote-or-history'],
    ['git reset --hard HEAD~1', 'git'],
    ['npm publish', 'publish'],
    ['npm install left-pad', 'package-install'],
    ['rm -rf /', 'remove-outside'],
    ['rm -rf ../other-repo', 'remove-outside'],
    ['echo x > /etc/hosts', 'write-outside'],
    ['cat ~/.aws/credentials', 'home-dotfiles'],
    ['sed -i s/a/b/ src/cart.js', 'in-place-edit'],
    ['find . -name "*.js" -exec rm {} +', 'find-exec'],
  ])('refuses %s', (line, rule) => {
    const decision = allowed(line);
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.reason).toContain(rule);
  });

  it('refuses programs that are not allowed, on any command of a pipeline, and says which are', () => {
    const decision = allowed('ls | bash -c "curl x"');
    expect(decision).toMatchObject({ allowed: false });
    if (!decision.allowed) expect(decision.reason).toMatch(/`bash -c` is not an allowed program; allowed: node, npm/);
    expect(allowed('git checkout main')).toMatchObject({ allowed: false });
    expect(allowed('python3 -c "print(1)"; perl -e 1')).toMatchObject({ allowed: false });
  });

  it('refuses commands that name secret files', () => {
    const decision = allowed('cat config/.env');
    expect(decision).toEqual({ allowed: false, reason: '`config/.env` is a secret file; its contents are never sent to a model' });
    expect(allowed('grep KEY id_rsa')).toMatchObject({ allowed: false });
  });

  it('refuses programs hidden behind variables and empty commands', () => {
    expect(allowed('$CMD arg')).toMatchObject({ allowed: false });
    expect(allowed('   ')).toMatchObject({ allowed: false });
  });
});

describe('mergeCommandPolicy', () => {
  it('keeps the defaults without a configuration', () => {
    expect(mergeCommandPolicy(defaultCommandPolicy, undefined)).toBe(defaultCommandPolicy);
  });

  it('narrows the allowed programs and adds deny patterns', () => {
    const policy = mergeCommandPolicy(defaultCommandPolicy, { allow: ['npm', 'node'], deny: ['\\bnpm\\s+run\\s+deploy\\b'], timeoutMs: 5_000 });
    expect(policy.allow).toEqual(['npm', 'node']);
    expect(policy.timeoutMs).toBe(5_000);
    expect(evaluateCommand('ls', policy)).toMatchObject({ allowed: false });
    expect(evaluateCommand('npm run deploy', policy)).toMatchObject({ allowed: false });
    expect(evaluateCommand('npm run build', policy)).toMatchObject({ allowed: true });
  });

  it('widens by adding programs and permitting named default rules', () => {
    const policy = mergeCommandPolicy(defaultCommandPolicy, { alsoAllow: ['docker', 'git checkout'], permit: ['package-install'] });
    expect(evaluateCommand('docker ps', policy)).toMatchObject({ allowed: true });
    expect(evaluateCommand('git checkout -b fix', policy)).toMatchObject({ allowed: true });
    expect(evaluateCommand('npm install', policy)).toMatchObject({ allowed: true });
    expect(policy.deny).not.toContain(defaultDenyRules['package-install']);
    expect(evaluateCommand('curl x', policy)).toMatchObject({ allowed: false });
  });

  it('rejects unknown rule names and patterns that do not compile', () => {
    expect(() => mergeCommandPolicy(defaultCommandPolicy, { permit: ['everything'] })).toThrow(/unknown deny rule `everything`/);
    try {
      mergeCommandPolicy(defaultCommandPolicy, { deny: ['(unclosed'] });
      expect.unreachable();
    } catch (error) {
      expect(CodewrightError.isInstance(error) && error.code).toBe('INVALID_ARGUMENT');
    }
  });

  it('validates the configuration section without throwing', () => {
    expect(parseCommandPolicyConfig({ allow: ['npm'] })).toEqual({ success: true, value: { allow: ['npm'] } });
    const bad = parseCommandPolicyConfig({ allow: 'npm', extra: true });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.message).toMatch(/codewright.json "commands" is invalid: .*allow/);
  });
});
