/** The tools a model gets for one candidate, grouped in families so that a task can enable only some (read-only for `ask`). */
import type { ToolSet } from 'ai';
import type { ToolContext } from '../types.ts';
import { createAskUserTool } from './ask-user-tool.ts';
import { createCheckTool } from './check-tool.ts';
import { createDefinitionTools } from './definition-tools.ts';
import { createEditTool } from './edit-tool.ts';
import { createReadTool } from './read-tool.ts';
import { createRepositoryTools } from './repository-tools.ts';
import { createRunTool } from './run-tool.ts';
import { createTestTool } from './test-tool.ts';
import { createToolRuntime } from './tool-runtime.ts';
import { createWriteTool } from './write-tool.ts';

/**
 * - `atlas`: find, refs, callers, search, locate, outline, map, history
 * - `read`: read;  `edit`: edit, write;  `run`: run;  `test`: test;  `check`: check;  `ask`: ask_user
 */
export type ToolFamily = 'atlas' | 'read' | 'edit' | 'run' | 'test' | 'check' | 'ask';

export const allToolFamilies: readonly ToolFamily[] = ['atlas', 'read', 'edit', 'run', 'test', 'check', 'ask'];

/** Families that never change the worktree: for questions about the code. */
export const readOnlyToolFamilies: readonly ToolFamily[] = ['atlas', 'read', 'ask'];

export interface AgentToolsOptions {
  /** Families to enable (default: all). */
  families?: readonly ToolFamily[];
}

/**
 * The AI SDK tools of one candidate, confined to `context.workspace.root`. Every result is compact
 * text with secrets redacted, cut to `context.resultLimit`; expected failures come back as text
 * that says how to fix the call. Tools of one call share the worktree's index, which they
 * refresh after edits.
 */
export function createAgentTools(context: ToolContext, options: AgentToolsOptions = {}): ToolSet {
  const families = new Set(options.families ?? allToolFamilies);
  const runtime = createToolRuntime(context);
  const tools: ToolSet = {};
  if (families.has('atlas')) Object.assign(tools, createDefinitionTools(runtime), createRepositoryTools(runtime));
  if (families.has('read')) tools.read = createReadTool(runtime);
  if (families.has('edit')) {
    tools.edit = createEditTool(runtime);
    tools.write = createWriteTool(runtime);
  }
  if (families.has('run')) tools.run = createRunTool(runtime);
  if (families.has('test')) tools.test = createTestTool(runtime);
  if (families.has('check')) tools.check = createCheckTool(runtime);
  if (families.has('ask')) tools.ask_user = createAskUserTool(runtime);
  return tools;
}
