import { describe, expect, it } from 'vitest';
import { planTranslation } from './plan-translation.ts';

const plan = (target: string | undefined, toLanguage: string | undefined) => planTranslation({ family: 'translate', text: '', ...(target ? { target } : {}), ...(toLanguage ? { toLanguage } : {}) });

describe('planTranslation', () => {
  it('writes the translation next to the source with the target language extension', () => {
    expect(plan('src/foo.js', 'TypeScript')).toEqual({ success: true, value: { source: 'src/foo.js', from: 'javascript', to: 'typescript', target: 'src/foo.ts' } });
    expect(plan('./lib/foo.py', 'ts')).toMatchObject({ success: true, value: { source: 'lib/foo.py', target: 'lib/foo.ts' } });
    expect(plan('lib/foo.mts', 'python')).toMatchObject({ success: true, value: { target: 'lib/foo.py' } });
  });

  it('refuses requests it cannot carry out, saying how to fix them', () => {
    expect(plan(undefined, 'typescript')).toEqual({ success: false, error: 'translate needs the source file: `translate <path> --to <language>`' });
    expect(plan('src/foo.rb', 'typescript')).toMatchObject({ success: false, error: expect.stringContaining('is not JavaScript, TypeScript or Python') });
    expect(plan('src/foo.js', 'cobol')).toMatchObject({ success: false, error: expect.stringContaining('use --to typescript, javascript or python') });
    expect(plan('src/foo.ts', 'ts')).toMatchObject({ success: false, error: expect.stringContaining('is already typescript') });
    expect(plan('../foo.js', 'ts')).toMatchObject({ success: false, error: expect.stringContaining('inside the repository') });
  });
});
