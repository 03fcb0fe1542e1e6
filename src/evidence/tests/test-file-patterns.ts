/** Which files each runner treats as test files by its default conventions. */
import type { RunnerName } from './types.ts';

const script = String.raw`[cm]?[jt]sx?`;
const testOrSpec = new RegExp(String.raw`\.(test|spec)\.${script}$`);
const underTestsFolder = new RegExp(String.raw`(^|/)(__tests__|tests?)/.+\.${script}$`);
// node --test defaults: *.test.*, *-test.*, *_test.*, test-*.*, test.*, and anything under test/.
const nodeTestName = new RegExp(String.raw`(^|/)([^/]*[._-]test|test-[^/]*|test)\.${script}$`);
const nodeTestFolder = new RegExp(String.raw`(^|/)test/.+\.${script}$`);
// tap's default --test-regex; it never looks inside fixtures, tap-snapshots or tap-testdir-* folders.
const tapDefault = /((\/|^)(tests?|__tests?__)\/.*|\.(tests?|spec)|^\/?tests?)\.([mc]js|[jt]sx?)$/;
const tapExcluded = /(^|\/)(fixtures|tap-snapshots|tap-testdir-[^/]*)\//;

/** True when `path` (relative, `/` separators) is a test file by the runner's conventions. */
export function isTestFileFor(runner: RunnerName, path: string): boolean {
  if (/(^|\/)(node_modules|\.git)\//.test(path)) return false;
  const name = path.slice(path.lastIndexOf('/') + 1);
  switch (runner) {
    case 'vitest':
      return testOrSpec.test(path);
    case 'jest':
      return testOrSpec.test(path) || /(^|\/)__tests__\//.test(path);
    case 'mocha':
      return testOrSpec.test(path) || underTestsFolder.test(path);
    case 'tap':
      return tapDefault.test(path) && !tapExcluded.test(path);
    case 'node-test':
      return nodeTestName.test(path) || nodeTestFolder.test(path) || testOrSpec.test(path);
    case 'pytest':
      return /^test_.*\.py$/.test(name) || /_test\.py$/.test(name);
    case 'unittest':
      return /^test.*\.py$/.test(name);
  }
}
