/** The benchmark task format: one JSON object per line, validated with zod, covering every family of the taxonomy. */
import { z } from 'zod';

/** Families of the taxonomy as the benchmark names them (the agent's `solve` is `fix`, `implement` is `generate`). */
export const benchFamilies = ['generate', 'fix', 'refactor', 'translate', 'optimize', 'document', 'ask', 'test', 'localize'] as const;
export type BenchFamily = (typeof benchFamilies)[number];

const level = z.enum(['low', 'medium', 'high']);

/** Where the task's code comes from: a repository at a commit, or files given inline. */
const sourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('repository'),
    /** A local path or a clone URL. */
    repository: z.string().min(1),
    baseCommit: z.string().regex(/^[0-9a-f]{7,40}$/, { error: 'write the base commit as a hex SHA' }),
    /** Commands run once in a fresh worktree before the agent starts (npm ci, pip install -e .). */
    setup: z.array(z.string()).default([]),
  }),
  z.object({
    kind: z.literal('inline'),
    /** Path -> content of every file the task starts with. */
    files: z.record(z.string(), z.string()),
    setup: z.array(z.string()).default([]),
  }),
]);

/** How an answer is scored. Several may apply; each names what it needs. */
const scoringSchema = z.object({
  /** Tests that must fail before and pass after (SWE-bench FAIL_TO_PASS). */
  failToPass: z.array(z.string()).default([]),
  /** Tests that must keep passing (PASS_TO_PASS). */
  passToPass: z.array(z.string()).default([]),
  /** A patch adding the tests the scorer runs, applied after the agent finishes (SWE-bench test_patch). */
  testPatch: z.string().optional(),
  /** The command that runs tests; `{tests}` is replaced by the test ids or files. */
  testCommand: z.string().optional(),
  /** The reference solution: a patch (fix, generate, refactor) or an answer text (ask, localize: file paths one per line). */
  reference: z.string().optional(),
  /** Behaviour to preserve: differential testing of these functions (`path#name`) against the base. */
  preserve: z.array(z.string()).default([]),
  /** translate: the program that checks a translation (TransCoder script, MultiPL-E tests). */
  checker: z.string().optional(),
  /** localize and ask: the expected files (Acc@k) or citations. */
  expectedFiles: z.array(z.string()).default([]),
});

export const benchTaskSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_./:-]{0,199}$/, { error: 'write an id of letters, digits and _ . / : -' }),
  family: z.enum(benchFamilies),
  scope: z.enum(['function', 'unit', 'project']),
  complexity: level,
  autonomy: level,
  /** The language the answer is written in (typescript, javascript, python, java, cpp). */
  language: z.string().min(1),
  source: sourceSchema,
  /** What the agent is asked, in words. */
  request: z.string().min(1),
  /** The path or symbol the request is about (translate, optimize, document, test). */
  target: z.string().optional(),
  /** translate: the language to write. */
  toLanguage: z.string().optional(),
  scoring: scoringSchema,
  limits: z.object({ seconds: z.number().positive().default(1800), cost: z.number().nonnegative().optional(), tokens: z.number().int().positive().optional() }).default({ seconds: 1800 }),
  /** Where the task came from (suite name, upstream id, commit), for reports. */
  origin: z.object({ suite: z.string(), upstreamId: z.string().optional(), url: z.string().optional() }).optional(),
  /** Set when the upstream data is known to be broken for this task, with the reason; such tasks are reported, not scored. */
  broken: z.string().optional(),
});

export type BenchTask = z.infer<typeof benchTaskSchema>;
export type BenchTaskInput = z.input<typeof benchTaskSchema>;
