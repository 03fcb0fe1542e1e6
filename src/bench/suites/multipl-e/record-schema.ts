/** One MultiPL-E prompt record (`prompts/<dataset>-<language>-<variant>.jsonl`), as upstream writes it. */
import { z } from 'zod';

export const multiplERecordSchema = z.object({
  /** `HumanEval_0_has_close_elements`, `mbpp_2_similar_elements`. */
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,150}$/, { error: 'write the name as letters, digits and _ . -' }),
  language: z.string(),
  /** The doc comment and the signature the completion continues. */
  prompt: z.string().min(1),
  /** The program that asserts on the completed function. */
  tests: z.string().min(1),
  stop_tokens: z.array(z.string()).default([]),
  doctests: z.string().optional(),
  prompt_terminology: z.string().optional(),
  /** Not in MultiPL-E for TypeScript; copies that carry a reference completion put it here. */
  canonical_solution: z.string().optional(),
});

export type MultiplERecord = z.infer<typeof multiplERecordSchema>;
