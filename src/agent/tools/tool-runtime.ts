/** What every tool of one candidate shares: its context, its world model, and how results leave for the model. */
import { redactSecrets } from '../safety/redact-secrets.ts';
import type { ToolContext, TrajectoryEvent } from '../types.ts';
import { cutMiddle } from './cut-text.ts';
import type { WorkspaceAtlas } from './workspace-atlas.ts';
import { createWorkspaceAtlas } from './workspace-atlas.ts';

/** Characters of one tool result kept when the context does not say. */
export const defaultResultLimit = 12_000;

export interface ToolRuntime {
  context: ToolContext;
  /** The candidate worktree's own index, refreshed after edits. */
  atlas: WorkspaceAtlas;
  /** Redacts secrets, then cuts to the result limit with a note that says how to narrow the call. */
  finish(text: string, hint?: string): string;
  /** The run's signal combined with the one the AI SDK passes to `execute`. */
  signal(abortSignal?: AbortSignal): AbortSignal | undefined;
  /** Records a trajectory event for this candidate. */
  record(event: TrajectoryEvent): void;
  /**
   * Marks files of the worktree as changed (the next atlas query re-indexes first): `paths` when the
   * caller knows every file it changed, nothing when it cannot know (a command ran).
   */
  changed(paths?: readonly string[]): void;
  /** Runs file changes one at a time: the AI SDK runs a step's tool calls concurrently, and two edits of one file must not lose each other. */
  serial<T>(work: () => Promise<T>): Promise<T>;
}

/** Builds the runtime shared by the tools of one candidate. */
export function createToolRuntime(context: ToolContext): ToolRuntime {
  const limit = context.resultLimit ?? defaultResultLimit;
  const atlas = createWorkspaceAtlas(context.workspace.root, context.logger);
  let queue: Promise<unknown> = Promise.resolve();
  return {
    context,
    atlas,
    finish(text, hint = 'narrow the call') {
      const redacted = redactSecrets(text);
      if (redacted.count > 0) context.logger.debug(`codewright: redacted ${redacted.count} secret value(s) from a tool result`);
      return cutMiddle(redacted.text, limit, hint);
    },
    signal(abortSignal) {
      const signals = [context.signal, abortSignal].filter((signal): signal is AbortSignal => signal !== undefined);
      if (signals.length <= 1) return signals[0];
      return AbortSignal.any(signals);
    },
    record(event) {
      context.trajectory.record({ candidate: context.workspace.id, ...event });
    },
    changed(paths) {
      atlas.markChanged(paths);
    },
    serial(work) {
      const next = queue.then(work, work);
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
