/** Builds the BenchTask of a mined commit: ids, source at the parent commit, setup, tags and where it came from. */
import type { CommitFact } from '../../atlas/history/types.ts';
import type { RunnerName } from '../../evidence/tests/index.ts';
import type { BenchTask, BenchTaskInput } from '../task-schema.ts';
import { benchTaskSchema } from '../task-schema.ts';
import { inspectCheckout } from '../suites/swe-bench/inspect-checkout.ts';
import { packageManagerOf, setupCommandsFor } from '../suites/swe-bench/setup-commands.ts';
import { languageOfPaths, tagsFromPatch } from '../suites/swe-bench/task-tags.ts';
import { testCommandFor } from '../suites/swe-bench/test-command.ts';
import type { MineKind } from './mine-options.ts';

/** The suite name mined tasks carry in `origin.suite`. */
export const minedSuiteName = 'mined';

/** What every mined task of one commit shares. */
export interface MinedCommit {
  topLevel: string;
  repoName: string;
  commit: CommitFact;
  parent: string;
  request: string;
  /** `https://github.com/owner/name` when the origin remote is on GitHub. */
  webUrl?: string;
}

/** What a kind adds: its patch (for tags), paths (for the language) and scoring. */
export interface KindFields {
  kind: MineKind;
  patch: string;
  codePaths: readonly string[];
  runner?: RunnerName;
  scoring: BenchTaskInput['scoring'];
}

/** `<repo>__<kind>-<sha12>`, within the id alphabet. */
export function minedTaskId(repoName: string, kind: MineKind, sha: string): string {
  const name = repoName.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'repo';
  return `${name.slice(0, 150)}__${kind}-${sha.slice(0, 12)}`;
}

/** The validated task; the repository is the local path it was mined from, at the commit's parent. */
export async function minedTask(mined: MinedCommit, fields: KindFields): Promise<BenchTask> {
  const language = languageOfPaths(fields.codePaths) ?? 'unknown';
  const tags = tagsFromPatch(fields.patch, language);
  const facts = await inspectCheckout(mined.topLevel, mined.parent);
  const testCommand = fields.kind === 'localize' ? undefined : testCommandFor(language, fields.runner, facts ? packageManagerOf(facts.files) : 'npm');
  const input: BenchTaskInput = {
    id: minedTaskId(mined.repoName, fields.kind, mined.commit.sha),
    family: fields.kind,
    scope: tags.scope,
    complexity: tags.complexity,
    autonomy: 'medium',
    language,
    source: { kind: 'repository', repository: mined.topLevel, baseCommit: mined.parent, setup: fields.kind === 'localize' ? [] : setupCommandsFor(language, facts?.files) },
    request: mined.request,
    scoring: { ...fields.scoring, ...(testCommand ? { testCommand } : {}) },
    origin: { suite: minedSuiteName, upstreamId: mined.commit.sha, ...(mined.webUrl ? { url: `${mined.webUrl}/commit/${mined.commit.sha}` } : {}) },
  };
  return benchTaskSchema.parse(input);
}
