/** The files an external agent may leave in its worktree for the harness: its answer and its spend. */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseJson } from '../../core/result.ts';

/** The answer of an `ask` or `localize` task (for localize: file paths, one per line, best first). */
export const answerFileName = '.codewright-answer';
/** `{"inputTokens": 1200, "outputTokens": 300, "cost": 0.004}`: what the agent spent, for the cost and token limits. */
export const usageFileName = '.codewright-usage.json';

const usageSchema = z.object({ inputTokens: z.number().nonnegative().default(0), outputTokens: z.number().nonnegative().default(0), cost: z.number().nonnegative().default(0) });

export interface AgentFiles {
  answer: string;
  usage: { inputTokens: number; outputTokens: number; cost: number };
  /** Set when the usage file was there but unreadable. */
  problem?: string;
}

function take(path: string): string | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    rmSync(path, { force: true });
    return text;
  } catch {
    return undefined;
  }
}

/** Reads and removes the answer and usage files, so that they are not part of the agent's patch. */
export function takeAgentFiles(worktree: string): AgentFiles {
  const answer = take(join(worktree, answerFileName)) ?? '';
  const usageText = take(join(worktree, usageFileName));
  const zero = { inputTokens: 0, outputTokens: 0, cost: 0 };
  if (usageText === undefined) return { answer, usage: zero };
  const parsed = parseJson(usageText);
  const usage = parsed.success ? usageSchema.safeParse(parsed.value) : undefined;
  if (!usage?.success) return { answer, usage: zero, problem: `${usageFileName} is not {"inputTokens", "outputTokens", "cost"} as numbers` };
  return { answer, usage: usage.data };
}
