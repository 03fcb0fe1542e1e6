/** The run's command and secret policies from the configuration: the user's own file may widen them, a repository's file only narrow them. */
import type { LoadedConfig } from './config/index.ts';
import { defaultCommandPolicy, defaultSecretPolicy, mergeCommandPolicy } from './safety/index.ts';
import type { CommandPolicy, SecretPolicy } from './types.ts';

/**
 * A repository's codewright.json is text anyone with commit access wrote, so it may add deny patterns and
 * shorten the allowed programs, never lengthen them; widening belongs to the person's own config file.
 */
export function commandPolicyFrom(loaded: LoadedConfig): CommandPolicy {
  const user = loaded.user?.agent?.commands;
  const widened = mergeCommandPolicy(defaultCommandPolicy, user ? { ...(user.allow ? { allow: [...user.allow] } : {}), ...(user.deny ? { deny: [...user.deny] } : {}) } : undefined);
  const repository = loaded.repository?.agent?.commands;
  if (!repository) return widened;
  const narrowedAllow = repository.allow ? (widened.allow.includes('*') ? [...repository.allow] : widened.allow.filter((program) => repository.allow!.includes(program))) : widened.allow;
  return mergeCommandPolicy({ ...widened, allow: narrowedAllow.filter((program) => program !== '*' || widened.allow.includes('*')) }, repository.deny ? { deny: [...repository.deny] } : undefined);
}

/** Secret files may be allowed only by the user's own config file. */
export function secretPolicyFrom(loaded: LoadedConfig): SecretPolicy {
  const allowed = loaded.user?.agent?.secrets?.allow ?? [];
  return { ...defaultSecretPolicy, allowedFiles: [...allowed] };
}
