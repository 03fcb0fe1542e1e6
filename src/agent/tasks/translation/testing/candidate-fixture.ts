/** Test helpers: a fixture repository at a base commit with a candidate's files written over it, and the success check input for it. */
import { silentLogger } from '../../../../core/logger.ts';
import type { TaskRequest } from '../../../../core/task.ts';
import { type Fixture, createFixture } from '../../../../../test/helpers/fixture.ts';
import type { SuccessCheckInput } from '../../types.ts';

/** The repository, and the input a success check gets for the candidate's uncommitted files. */
export interface CandidateFixture {
  fixture: Fixture;
  input: SuccessCheckInput;
}

/** Commits `base`, writes `candidate` without committing, and diffs the two (new files included). */
export function candidateFixture(base: Record<string, string>, candidate: Record<string, string>, request: TaskRequest): CandidateFixture {
  const fixture = createFixture(base, { git: true });
  const commit = fixture.git('rev-parse', 'HEAD').trim();
  for (const [path, text] of Object.entries(candidate)) fixture.write(path, text);
  fixture.git('add', '-A', '-N');
  const diff = fixture.git('diff', commit);
  const workspace = { id: 'A', root: fixture.root, repositoryRoot: fixture.root, base: commit };
  return { fixture, input: { request, workspace, diff, answer: '', logger: silentLogger, timeoutMs: 60_000 } };
}
