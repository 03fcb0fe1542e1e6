/** The environment test runs start with: the user's, minus what would make a nested runner misbehave. */

// Set by a runner that may be running codewright itself; a nested runner reading them acts as a worker.
const inherited = /^(VITEST|VITEST_.*|JEST_WORKER_ID|NODE_TEST_CONTEXT|NODE_V8_COVERAGE|TAP|TAP_CHILD_ID|PYTEST_.*|COV_CORE_.*)$/;

/** `process.env` without runner-internal variables, without colours, plus `extra`. */
export function childEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!inherited.test(key)) env[key] = value;
  return { ...env, NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}

/** `12 s`, `1.5 s`: a duration in seconds for messages. */
export function formatSeconds(milliseconds: number): string {
  return `${Number((milliseconds / 1000).toFixed(1))} s`;
}
