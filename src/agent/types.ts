/** The contracts between the agent's parts: model, tools, candidate workspaces, questions, trajectories. */
import type { LanguageModel } from 'ai';
import type { Logger } from '../core/logger.ts';

/** Price of a model in US dollars per million tokens. */
export interface ModelPricing {
  inputPerMillion: number;
  outputPerMillion: number;
  /** Cached input tokens, when the provider reports them (default: inputPerMillion). */
  cachedInputPerMillion?: number;
}

/** A configured, ready-to-call model. */
export interface AgentModel {
  /** `provider:model`, as given to `--model`. */
  id: string;
  provider: string;
  modelId: string;
  languageModel: LanguageModel;
  pricing?: ModelPricing;
  /** Per-request timeout, ms. */
  requestTimeoutMs: number;
  /** Retries on 429 and 5xx, with exponential backoff. */
  maxRetries: number;
  /** Where requests go, for messages (`cannot reach http://127.0.0.1:11434/v1`). */
  baseURL?: string;
  /** The environment variable holding the key, for messages (`check OPENAI_API_KEY`). */
  apiKeyEnv?: string;
}

/** Tokens and money spent by one model call, or summed over many. */
export interface Usage {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  /** US dollars; 0 when the model has no price configured. */
  cost: number;
}

/** A candidate's private copy of the repository: a git worktree at the run's base commit. */
export interface CandidateWorkspace {
  /** Short name shown to people: A, B, C, ... */
  id: string;
  /** Absolute path of the worktree; every tool is confined to it. */
  root: string;
  /** The user's repository (git top level); never written by tools. */
  repositoryRoot: string;
  /** The commit the run started from. */
  base: string;
}

/** A question to the person running the agent. */
export interface UserQuestion {
  id: string;
  text: string;
  /** Concrete choices; the person may also answer in words when `allowOther` is set. */
  options: string[];
  allowOther?: boolean;
  /** Who asked: the model through `ask_user`, or the harness because candidates disagree. */
  source: 'model' | 'disagreement';
  candidate?: string;
}

export interface UserAnswer {
  questionId: string;
  answer: string;
  /** `user` when a person answered; `majority` or `default` when the run was non-interactive (an assumption). */
  by: 'user' | 'majority' | 'default';
}

/** Asks the person (stdin, MCP, web) or answers for them when non-interactive. */
export interface Asker {
  ask(question: UserQuestion): Promise<UserAnswer>;
}

/** One line of a run's trajectory (`.codewright/runs/<id>/trajectory.jsonl`). */
export interface TrajectoryEvent {
  type:
    | 'run-start'
    | 'round-start'
    | 'candidate-start'
    | 'message'
    | 'tool-call'
    | 'tool-result'
    | 'edit'
    | 'edit-discarded'
    | 'evidence'
    | 'usage'
    | 'question'
    | 'answer'
    | 'candidate-end'
    | 'cross-check'
    | 'selection'
    | 'limit-reached'
    | 'run-end'
    | 'warning'
    | 'error';
  candidate?: string;
  round?: number;
  step?: number;
  [key: string]: unknown;
}

/** Receives trajectory events; implementations redact secrets before anything is stored. */
export interface TrajectorySink {
  record(event: TrajectoryEvent): void;
}

/** Which commands the `run` tool may start; repository text can never widen it. */
export interface CommandPolicy {
  /** Program names (first word) that may run; `*` allows any not denied. */
  allow: readonly string[];
  /** Patterns (regular-expression sources) matched against the whole command line; a match refuses it. */
  deny: readonly string[];
  timeoutMs: number;
  /** Characters of output kept (head and tail); the rest is cut with a note. */
  outputLimit: number;
}

/** Which files may be sent to a model. */
export interface SecretPolicy {
  /** Globs of files never read into a model's context (.env, keys, credentials). */
  secretFiles: readonly string[];
  /** Globs the user allowed explicitly in codewright.json. */
  allowedFiles: readonly string[];
}

/** What every tool call can reach. */
export interface ToolContext {
  workspace: CandidateWorkspace;
  asker: Asker;
  commandPolicy: CommandPolicy;
  secretPolicy: SecretPolicy;
  trajectory: TrajectorySink;
  logger: Logger;
  signal?: AbortSignal;
  /** Characters of one tool result kept before it is cut with a note (default 12,000). */
  resultLimit?: number;
}
