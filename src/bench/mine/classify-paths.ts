/** Sorts the files a commit touches into tests, code and the rest, by path conventions common to JavaScript and Python projects. */

// Folders that hold tests and their data (fixtures, snapshots) in the projects codewright runs.
const testFolder = /(^|\/)(tests?|__tests__|specs?|testdata|test-data|fixtures|__fixtures__|__snapshots__|tap-snapshots|e2e)\//i;
const testName = /(^|\/)(test_[^/]*\.py|[^/]*_test\.(py|go)|[^/]*[._-](test|spec)\.[cm]?[jt]sx?|conftest\.py)$/;
const codeExtension = /\.([cm]?[jt]sx?|py|java|go|rs|c|cc|cpp|cxx|h|hh|hpp|rb|php|cs|kt|swift|scala)$/;
// Tool configuration that happens to be a script (eslint, prettier, bundlers, test runners).
const configName = /(^|\/)(\.[^/]*|[^/]*\.config\.[cm]?[jt]s|[^/]*rc\.[cm]?js|setup\.py|conftest\.py|noxfile\.py)$/;

/** True for test files and the data they read. */
export function isTestPath(path: string): boolean {
  return testFolder.test(path) || testName.test(path);
}

/** True for source files that are neither tests nor tool configuration. */
export function isCodePath(path: string): boolean {
  return codeExtension.test(path) && !isTestPath(path) && !configName.test(path) && !/(^|\/)node_modules\//.test(path);
}
