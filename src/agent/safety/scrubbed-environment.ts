/** The environment commands started for a model run with: the basics a toolchain needs, and nothing that looks secret. */
import { redactSecrets } from './redact-secrets.ts';

/** Variables a build or test needs: where programs, home, temp and locale are, and toolchain homes. */
const keptNames = new Set([
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TERM',
  'TMPDIR',
  'TMP',
  'TEMP',
  'NO_COLOR',
  'FORCE_COLOR',
  'CI',
  'XDG_CACHE_HOME',
  'XDG_CONFIG_HOME',
  'XDG_DATA_HOME',
  'GOPATH',
  'GOROOT',
  'GOCACHE',
  'GOMODCACHE',
  'CARGO_HOME',
  'RUSTUP_HOME',
  'JAVA_HOME',
  'VIRTUAL_ENV',
  'CONDA_PREFIX',
  'PYTHONHOME',
  'NVM_DIR',
]);

/**
 * Names that look secret: any name holding one of these words, and every provider's own prefix.
 * Checked even for kept names, so a variable is dropped if either test says so.
 */
const secretName =
  /KEY|TOKEN|SECRET|PASSW|PASSPHRASE|CREDENTIAL|AUTH|PRIVATE|SESSION|COOKIE|^(?:OPENAI|ANTHROPIC|AZURE|AWS|GOOGLE|GCP|GCLOUD|GEMINI|MISTRAL|COHERE|GROQ|TOGETHER|FIREWORKS|DEEPSEEK|XAI|OPENROUTER|HF|HUGGING_?FACE|REPLICATE|GH|GITHUB|GITLAB|NPM|PYPI|TWINE|DOCKER|SLACK|STRIPE|SENTRY|VERCEL|NETLIFY|CLOUDFLARE|HEROKU|DATABASE|DB|PG|MYSQL|REDIS|MONGO)_/i;

/**
 * A copy of `env` keeping only toolchain basics (PATH, HOME, locale `LANG`/`LC_*`, temp folders,
 * language homes), without NODE_OPTIONS and friends (they load code into every process), and
 * without any variable whose name or value looks secret.
 */
export function scrubbedEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const scrubbed: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (!keptNames.has(name) && !name.startsWith('LC_')) continue;
    if (secretName.test(name) || redactSecrets(value).count > 0) continue;
    scrubbed[name] = value;
  }
  return scrubbed;
}
