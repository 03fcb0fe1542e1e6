/** The custom node:test reporter codewright loads: one JSON line per test start, result and stderr line. */

/** ES module source; written to a temp file and passed as `--test-reporter=<file>`. */
export const nodeTestReporter = String.raw`
const text = (error) => {
  if (!error) return '';
  const cause = error.cause;
  if (cause && typeof cause === 'object' && 'message' in cause) return String(cause.message);
  return String(cause ?? error.message ?? error);
};
export default async function* codewrightReporter(source) {
  for await (const event of source) {
    const data = event.data ?? {};
    if (event.type === 'test:start') {
      yield JSON.stringify({ event: 'start', file: data.file, name: data.name, nesting: data.nesting }) + '\n';
    } else if (event.type === 'test:pass' || event.type === 'test:fail') {
      const details = data.details ?? {};
      yield JSON.stringify({
        event: event.type === 'test:pass' ? 'pass' : 'fail',
        file: data.file,
        name: data.name,
        nesting: data.nesting,
        kind: details.type ?? 'test',
        skip: data.skip !== undefined || data.todo !== undefined,
        message: event.type === 'test:fail' ? text(details.error) : undefined,
      }) + '\n';
    } else if (event.type === 'test:stderr') {
      yield JSON.stringify({ event: 'stderr', file: data.file, message: data.message }) + '\n';
    }
  }
}
`;
