/** Safety rules of the agent: secret files, redaction, the scrubbed environment and the command policy. */
export { defaultSecretFiles, defaultSecretPolicy, isSecretPath, secretGlobOf } from './secret-files.ts';
export { redactSecrets, redactionMarker, secretPatterns, type SecretPattern } from './redact-secrets.ts';
export { looksLikeSecretValue, redactAssignments, shannonEntropy } from './secret-assignments.ts';
export { scrubbedEnvironment } from './scrubbed-environment.ts';
export {
  commandPolicyConfigSchema,
  defaultAllowedPrograms,
  defaultCommandPolicy,
  defaultDenyRules,
  mergeCommandPolicy,
  parseCommandPolicyConfig,
  type CommandPolicyConfig,
} from './command-policy.ts';
export { evaluateCommand, type CommandDecision } from './evaluate-command.ts';
export { splitCommand, type SimpleCommand } from './split-command.ts';
