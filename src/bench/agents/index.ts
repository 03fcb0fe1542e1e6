/** The agents a bench run can measure: codewright, any command line, and the validity agents. */
export { answerFileName, takeAgentFiles, usageFileName, type AgentFiles } from './agent-files.ts';
export { codewrightAgent, taskRequestOf, type CodewrightAgentOptions } from './codewright-agent.ts';
export { commandAgent, taskEnvironment } from './command-agent.ts';
export { emptyAgent, isPatch, referenceAgent } from './reference-agent.ts';
export { builtInAgents, resolveAgent } from './resolve-agent.ts';
