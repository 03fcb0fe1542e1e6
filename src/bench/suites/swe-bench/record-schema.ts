/** The upstream record shapes: SWE-bench (and SWE-bench-style mined records) and Multi-SWE-bench. */
import { z } from 'zod';

/** A test list as upstream writes it: a JSON-encoded list, a list, or Multi-SWE-bench's map of test name to results. */
const testList = z.union([z.array(z.string()), z.string(), z.record(z.string(), z.unknown()), z.null()]);

/** SWE-bench, SWE-bench Lite/Verified/Multilingual and records in the same shape. */
export const sweBenchRecordSchema = z.looseObject({
  instance_id: z.string().min(1),
  repo: z.string().min(1),
  base_commit: z.string().min(1),
  problem_statement: z.string(),
  patch: z.string(),
  test_patch: z.string(),
  FAIL_TO_PASS: testList,
  PASS_TO_PASS: testList.optional(),
  hints_text: z.string().nullable().optional(),
  created_at: z.string().nullable().optional(),
});

const issueSchema = z.looseObject({
  number: z.union([z.number(), z.string()]).optional(),
  title: z.string().nullable().optional(),
  body: z.string().nullable().optional(),
});

/** Multi-SWE-bench: `org`/`repo`/`number`, `base.sha`, `fix_patch`, and test maps. */
export const multiSweBenchRecordSchema = z.looseObject({
  org: z.string().min(1),
  repo: z.string().min(1),
  number: z.union([z.number(), z.string()]),
  instance_id: z.string().optional(),
  base: z.looseObject({ sha: z.string().min(1), ref: z.string().optional() }).optional(),
  base_commit: z.string().optional(),
  title: z.string().nullable().optional(),
  body: z.string().nullable().optional(),
  resolved_issues: z.array(issueSchema).nullable().optional(),
  fix_patch: z.string(),
  test_patch: z.string(),
  f2p_tests: testList.optional(),
  p2p_tests: testList.optional(),
  FAIL_TO_PASS: testList.optional(),
  PASS_TO_PASS: testList.optional(),
});

export type SweBenchRecord = z.infer<typeof sweBenchRecordSchema>;
export type MultiSweBenchRecord = z.infer<typeof multiSweBenchRecordSchema>;
export type TestList = z.infer<typeof testList>;
