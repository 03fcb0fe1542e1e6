import { afterEach, expect, test } from 'vitest';
import { createFixture } from '../../../test/helpers/fixture.ts';
import type { Fixture } from '../../../test/helpers/fixture.ts';
import { indexRepository } from './run-index.ts';
import { pathCandidates, readScriptConfig, scriptConfigsIn } from './script-configs.ts';
import { indexedImportPairs } from './testing/import-pairs.ts';

let fixture: Fixture;
afterEach(() => fixture?.remove());

const configs = {
  // Comments and trailing commas, as tsconfig files have them; `extends` a shared base by a relative path.
  'tsconfig.base.json': '{\n  // shared\n  "compilerOptions": { "strict": true, "paths": { "#shared/*": ["./shared/*"], }, },\n}\n',
  'apps/web/tsconfig.json': '{\n  "extends": "../../tsconfig.base",\n  /* the app */\n  "compilerOptions": {\n    "paths": { "@/*": ["./src/*"], "config": ["./src/settings/index.ts"] },\n  },\n}\n',
  'apps/api/tsconfig.json': '{ "extends": ["@tsconfig/node20/tsconfig.json", "../../tsconfig.base.json"], "compilerOptions": { "baseUrl": "./src" } }\n',
  'apps/api/src/nested/tsconfig.json': '{ "compilerOptions": { "strict": false } }\n',
  'tools/jsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "~/*": ["lib/*", "fallback/*"] } } }\n',
  'tools/tsconfig.build.json': '{ "compilerOptions": { "paths": { "never/*": ["x/*"] } } }\n',
};

test('reads baseUrl and paths as repository paths, through relative extends, comments and trailing commas', () => {
  fixture = createFixture(configs);
  const web = readScriptConfig(fixture.root, 'apps/web/tsconfig.json');
  expect(web.baseUrl).toBeUndefined();
  expect(pathCandidates(web, '@/components/button')).toEqual(['apps/web/src/components/button']);
  expect(pathCandidates(web, 'config')).toEqual(['apps/web/src/settings/index.ts']);
  expect(pathCandidates(web, 'config/other')).toEqual([]);
  // A config's own paths replace those it extends, as in TypeScript (one option, not merged).
  expect(pathCandidates(web, '#shared/log')).toEqual([]);
  const base = readScriptConfig(fixture.root, 'tsconfig.base.json');
  expect(pathCandidates(base, '#shared/log')).toEqual(['shared/log']);
  const api = readScriptConfig(fixture.root, 'apps/api/tsconfig.json');
  expect(api.baseUrl).toBe('apps/api/src');
  // With a baseUrl, inherited paths start there (a package's config in node_modules is skipped).
  expect(pathCandidates(api, '#shared/log')).toEqual(['apps/api/src/shared/log']);
  const configIn = scriptConfigsIn(fixture.root, Object.keys(configs));
  const folders = ['', 'apps', 'apps/api', 'apps/api/src/nested', 'apps/web', 'tools'];
  expect(folders.filter((folder) => configIn(folder) !== undefined)).toEqual(['apps/api', 'apps/api/src/nested', 'apps/web', 'tools']);
  expect(configIn('apps/api/src/nested')).toEqual({ paths: [] });
  // tools has a jsconfig.json only; its tsconfig.build.json counts for nothing by itself.
  expect(pathCandidates(configIn('tools')!, '~/x')).toEqual(['tools/lib/x', 'tools/fallback/x']);
  expect(pathCandidates(configIn('tools')!, 'never/x')).toEqual([]);
});

test('imports resolve through the nearest config: paths, then baseUrl, then workspace packages', async () => {
  fixture = createFixture(
    {
      ...configs,
      'package.json': '{ "name": "root", "workspaces": ["apps/*"] }\n',
      'apps/web/package.json': '{ "name": "web" }\n',
      'apps/web/src/components/button.tsx': 'export const Button = () => null;\n',
      'apps/web/src/settings/index.ts': 'export const settings = {};\n',
      'apps/web/src/page.tsx': "import { Button } from '@/components/button';\nimport { settings } from 'config';\nimport { log } from '#shared/log';\nexport const page = [Button, settings, log];\n",
      'shared/log.ts': 'export const log = 1;\n',
      'apps/api/src/db.ts': 'export const db = 1;\n',
      'apps/api/src/shared/log.ts': 'export const log = 2;\n',
      'apps/api/src/audit.ts': "import { log } from '#shared/log';\nexport const audit = log;\n",
      'apps/api/src/server.ts': "import { db } from 'db';\nimport { page } from 'web/src/page';\nexport const server = [db, page];\n",
      'apps/api/src/nested/job.ts': "import { db } from 'db';\nexport const job = db;\n",
      'tools/fallback/x.js': 'export const x = 1;\n',
      'tools/run.js': "import { x } from '~/x';\nexport const run = x;\n",
    },
    { git: true },
  );
  await indexRepository(fixture.root, { history: false, threads: 1 });
  expect(indexedImportPairs(fixture.root)).toEqual([
    'apps/api/src/audit.ts #shared/log -> apps/api/src/shared/log.ts',
    // The nested config is nearer and has no baseUrl: TypeScript reads only the nearest.
    'apps/api/src/nested/job.ts db -> -',
    'apps/api/src/server.ts db -> apps/api/src/db.ts',
    'apps/api/src/server.ts web/src/page -> apps/web/src/page.tsx',
    'apps/web/src/page.tsx #shared/log -> -',
    'apps/web/src/page.tsx @/components/button -> apps/web/src/components/button.tsx',
    'apps/web/src/page.tsx config -> apps/web/src/settings/index.ts',
    'tools/run.js ~/x -> tools/fallback/x.js',
  ]);
});
