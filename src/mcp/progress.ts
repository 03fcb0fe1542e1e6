/** Progress notifications for long tool calls (index builds, checks), sent only when the client asked with a progress token. */
import type { ServerContext } from '@modelcontextprotocol/server';

/** Reports one step of a long call; a no-op when the client gave no progress token. */
export type ProgressReporter = (message: string) => void;

/** A reporter bound to the request in `context`; clients that reset their timeout on progress then wait for long calls. */
export function progressReporter(context: ServerContext): ProgressReporter {
  const token = context.mcpReq._meta?.progressToken;
  if (token === undefined) return () => {};
  let step = 0;
  return (message) => {
    step++;
    context.mcpReq.notify({ method: 'notifications/progress', params: { progressToken: token, progress: step, message } }).catch(() => {});
  };
}
