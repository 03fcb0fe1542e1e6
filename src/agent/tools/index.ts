/** The tools a model gets: atlas queries, file reads and edits, commands, tests, check, and questions to the user. */
export { allToolFamilies, createAgentTools, readOnlyToolFamilies, type AgentToolsOptions, type ToolFamily } from './create-agent-tools.ts';
export { defaultResultLimit } from './tool-runtime.ts';
export { cutMiddle } from './cut-text.ts';
export { formatCheckReport } from './check-tool.ts';
