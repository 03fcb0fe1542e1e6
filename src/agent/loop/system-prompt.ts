/** The instructions a candidate's model gets: the agent's rules, the family's part, and what earlier rounds and answers taught. */
import type { TaskRequest } from '../../core/task.ts';
import type { TaskDefinition } from '../tasks/types.ts';

export interface PromptContext {
  candidate: string;
  round: number;
  /** The repository at a glance (a short `map`), so that the model starts oriented. */
  repositoryMap?: string;
  /** Refinement: what a previous candidate did and what its evidence said. */
  seed?: string;
  /** Questions the person answered; later candidates must respect them. */
  clarifications?: readonly string[];
}

const rules = [
  'You work in a private git worktree of the repository. Nothing you do reaches the user until they apply it.',
  'Explore before you edit: use find, refs, callers, search, locate, outline and map to read the code you change and the code that calls it. Reuse the helpers the codebase already has instead of writing new ones.',
  'Never call a function, method or package export you have not seen in this repository or in its installed dependencies.',
  'Edit with `edit` (exact search text that matches once) and create files with `write`. Keep changes minimal and in the style of the surrounding code.',
  'Run the relevant tests with `test`, and call `check` on your change before you finish: it gives each hunk a verdict with evidence. Fix what it flags.',
  'When the request is ambiguous and the choice changes behaviour, call `ask_user` with concrete options instead of guessing.',
  'Finish with a short summary: what you changed, why, and what you are unsure about.',
];

function requestText(request: TaskRequest): string {
  const lines = [`Task (${request.family}): ${request.text}`];
  if (request.target) lines.push(`Target: ${request.target}`);
  if (request.toLanguage) lines.push(`Target language: ${request.toLanguage}`);
  if (request.metric) lines.push(`Metric: ${request.metric}`);
  return lines.join('\n');
}

/** The system instructions of one candidate. The candidate line lets replayed or scripted servers tell conversations apart. */
export function systemPrompt(definition: TaskDefinition, request: TaskRequest, context: PromptContext): string {
  const sections = [
    `You are codewright, a careful software engineer. You are candidate ${context.candidate} of round ${context.round}.`,
    rules.map((rule) => `- ${rule}`).join('\n'),
    definition.instructions(request),
  ];
  if (context.repositoryMap) sections.push(`The repository at a glance:\n${context.repositoryMap}`);
  if (context.clarifications && context.clarifications.length > 0) {
    sections.push(`The user answered these questions; your change must agree with every answer (tests check it):\n${context.clarifications.map((line) => `- ${line}`).join('\n')}`);
  }
  if (context.seed) sections.push(`Refine this earlier attempt. Keep what its evidence supports and fix what it flags:\n${context.seed}`);
  return sections.join('\n\n');
}

/** The first user message: the request itself. */
export function userPrompt(request: TaskRequest): string {
  return requestText(request);
}
