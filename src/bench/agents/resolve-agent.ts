/** The agent `--agent` names: codewright, the validity agents reference and empty, or an external command line. */
import type { BenchAgent } from '../types.ts';
import { codewrightAgent, type CodewrightAgentOptions } from './codewright-agent.ts';
import { commandAgent } from './command-agent.ts';
import { emptyAgent, referenceAgent } from './reference-agent.ts';

/** The built-in agent names; anything else is run as a command line. */
export const builtInAgents = ['codewright', 'reference', 'empty'] as const;

/** `codewright`, `reference`, `empty`, or a command line such as `aider --yes-always --message-file $CODEWRIGHT_TASK_REQUEST_FILE`. */
export function resolveAgent(spec: string, options: CodewrightAgentOptions = {}): BenchAgent {
  switch (spec.trim()) {
    case 'codewright':
      return codewrightAgent(options);
    case 'reference':
      return referenceAgent;
    case 'empty':
      return emptyAgent;
    default:
      return commandAgent(spec);
  }
}
