/** The schema of `codewright.json` (and `~/.config/codewright/config.json`): models, providers, prices, limits, agent policy. */
import { z } from 'zod';

/** The wire protocols codewright speaks; every provider is one of them. */
export const providerTypes = ['openai-compatible', 'openai', 'anthropic'] as const;

export type ProviderType = (typeof providerTypes)[number];

const namePattern = /^[a-z0-9][a-z0-9_.-]*$/i;
const modelSpecPattern = /^[a-z0-9][a-z0-9_.-]*:\S+$/i;
const environmentNamePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;
const credentialHeader = /authorization|api[-_]?key|token|secret/i;

const headersSchema = z.record(z.string(), z.string({ error: 'write each header value as a string' })).superRefine((headers, context) => {
  for (const [name, value] of Object.entries(headers)) {
    if (credentialHeader.test(name) && !/\$\{[A-Za-z_][A-Za-z0-9_]*\}/.test(value)) {
      context.addIssue({
        code: 'custom',
        path: [name],
        message: `a credential must not be written into the file; write "${/authorization/i.test(name) ? 'Bearer ' : ''}\${MY_TOKEN}" and export MY_TOKEN in your shell`,
      });
    }
  }
});

const providerSchema = z.strictObject({
  type: z.enum(providerTypes, { error: `write one of ${providerTypes.map((type) => `"${type}"`).join(', ')}` }).optional(),
  baseURL: z.url({ protocol: /^https?$/, error: 'write an http(s) URL such as "http://127.0.0.1:11434/v1"' }).optional(),
  apiKeyEnv: z.string().regex(environmentNamePattern, { error: 'write the name of an environment variable, such as "MY_PROVIDER_API_KEY"' }).optional(),
  apiKey: z
    .never({ error: 'keys are never written into a config file; write "apiKeyEnv": "MY_PROVIDER_API_KEY" and export MY_PROVIDER_API_KEY in your shell' })
    .optional(),
  headers: headersSchema.optional(),
});

const dollars = z.number({ error: 'write US dollars per million tokens as a number, such as 3' }).nonnegative({ error: 'write a price >= 0' });

const priceSchema = z.strictObject({
  inputPerMillion: dollars,
  outputPerMillion: dollars,
  cachedInputPerMillion: dollars.optional(),
});

const patternsSchema = z.array(z.string().min(1, { error: 'write a non-empty string' }), { error: 'write a list of strings' });

const denySchema = patternsSchema.superRefine((patterns, context) => {
  patterns.forEach((pattern, index) => {
    try {
      new RegExp(pattern);
    } catch (error) {
      context.addIssue({ code: 'custom', path: [index], message: `not a regular expression (${(error as Error).message}); escape special characters with \\\\` });
    }
  });
});

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  model: z.string().regex(modelSpecPattern, { error: 'write provider:model, such as "ollama:qwen2.5-coder"' }).optional(),
  providers: z.record(z.string().regex(namePattern, { error: 'write a provider name of letters, digits, "-", "_" or "."' }), providerSchema).optional(),
  prices: z.record(z.string().regex(modelSpecPattern, { error: 'write the key as provider:model, such as "openai:gpt-4.1"' }), priceSchema).optional(),
  requestTimeoutSeconds: z
    .number({ error: 'write seconds as a number, such as 120' })
    .positive({ error: 'write seconds > 0' })
    .max(300, { error: "write at most 300: Node's fetch itself gives up after 300 s of silence" })
    .optional(),
  maxRetries: z.int({ error: 'write a whole number of retries, such as 2' }).min(0, { error: 'write 0 or more' }).max(10, { error: 'write at most 10' }).optional(),
  agent: z
    .strictObject({
      commands: z.strictObject({ allow: patternsSchema.optional(), deny: denySchema.optional() }).optional(),
      secrets: z.strictObject({ allow: patternsSchema.optional() }).optional(),
    })
    .optional(),
}, { error: 'write a JSON object, such as {"model": "ollama:qwen2.5-coder"}' });

/** A parsed config file. */
export type CodewrightConfig = z.infer<typeof configSchema>;

/** One provider as a config file declares it. */
export type ProviderConfig = z.infer<typeof providerSchema>;

/** A model's prices in a config file. */
export type PriceConfig = z.infer<typeof priceSchema>;

/** Whether `text` looks like `provider:model`. */
export function isModelSpec(text: string): boolean {
  return modelSpecPattern.test(text);
}
