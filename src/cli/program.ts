/** The `codewright` command line: declares commands and options once, loads each command on demand. */
import { Command, CommanderError, Option } from 'commander';
import { CodewrightError } from '../core/errors.ts';
import { processContext } from './context.ts';
import type { CommandContext } from './context.ts';
import type { TaskFamily } from '../core/task.ts';

interface OptionSpec {
  flags: string;
  description: string;
  defaultValue?: string | boolean;
}

const shared = {
  root: { flags: '-r, --root <path>', description: 'repository root (default: the current directory)' },
  json: { flags: '--json', description: 'print JSON for machines' },
  limit: { flags: '-n, --limit <count>', description: 'at most this many results' },
} satisfies Record<string, OptionSpec>;

interface CommandSpec {
  name: string;
  arguments?: string;
  description: string;
  options: OptionSpec[];
  run?: (context: CommandContext, args: string[], options: Record<string, unknown>) => Promise<void> | void;
  /** Subcommands (`bench run`, `bench report`); a command with subcommands has no `run` of its own. */
  subcommands?: CommandSpec[];
}

const taskOptions: OptionSpec[] = [
  shared.root,
  { flags: '-m, --model <provider:model>', description: 'the model (default: CODEWRIGHT_MODEL or codewright.json; see `codewright models`)' },
  { flags: '-c, --candidates <count>', description: 'candidates in parallel worktrees (default 1)' },
  { flags: '--rounds <count>', description: 'refinement rounds seeded by the best candidates (default 1)' },
  { flags: '--max-cost <dollars>', description: 'stop when the run has spent this much' },
  { flags: '--max-tokens <count>', description: 'stop after this many input and output tokens' },
  { flags: '--max-time <seconds>', description: 'stop after this much wall time' },
  { flags: '--max-steps <count>', description: 'model calls per candidate (default 40)' },
  { flags: '--timeout <seconds>', description: 'time limit of one test run or check (default 120)' },
  { flags: '--non-interactive', description: 'never ask: take the majority answer and record it as an assumption' },
  shared.json,
];

const taskCommandSpecs: { family: TaskFamily; arguments: string; description: string; options?: OptionSpec[] }[] = [
  { family: 'solve', arguments: '[issue]', description: 'fix an issue: a reproduction test, the fix, and evidence for every hunk', options: [{ flags: '--issue-file <file>', description: 'read the issue from a file' }] },
  { family: 'implement', arguments: '<feature>', description: 'implement a feature with tests' },
  { family: 'refactor', arguments: '<goal>', description: 'restructure code without changing behaviour (differential testing must find no difference)' },
  { family: 'translate', arguments: '<path>', description: 'translate a file to another language, with tests; both must agree on generated inputs', options: [{ flags: '--to <language>', description: 'typescript, javascript or python' }] },
  { family: 'optimize', arguments: '<symbol>', description: 'make a function faster or leaner; benchmarked before and after with a significance test', options: [{ flags: '--metric <metric>', description: 'time or memory (default time)' }] },
  { family: 'document', arguments: '<target>', description: 'write doc comments whose parameters and claims are checked against the code' },
  { family: 'ask', arguments: '<question>', description: 'answer a question about the code, citing file:line locations that are checked' },
  { family: 'test', arguments: '<symbol>', description: 'write tests for a symbol and report their mutation score' },
];

function taskCommands(): CommandSpec[] {
  return taskCommandSpecs.map((spec) => ({
    name: spec.family,
    arguments: spec.arguments,
    description: spec.description,
    options: [...taskOptions, ...(spec.options ?? [])],
    run: async (context, [argument], options) => (await import('./commands/task-command.ts')).runTaskCommand(spec.family, argument, options, context),
  }));
}

const commands: CommandSpec[] = [
  {
    name: 'index',
    arguments: '[path]',
    description: 'build or update the code world model of a repository (.codewright/index.db)',
    options: [
      shared.json,
      { flags: '--no-history', description: 'do not mine git history' },
      { flags: '--precise', description: 'resolve TypeScript/JavaScript references with the TypeScript compiler' },
      { flags: '--rebuild', description: 'discard the index and build it from scratch' },
      { flags: '--watch', description: 'keep the index current while files change' },
      { flags: '--changed <paths...>', description: 'look only at these files, which an editor or a hook says changed (a path the index does not hold makes it scan everything)' },
      { flags: '--wait <seconds>', description: 'how long to wait for another indexer (default 30)' },
      { flags: '--threads <count>', description: 'parse threads (default: all cores)' },
      { flags: '--max-file-size <KiB>', description: 'skip files larger than this (default 1024)' },
      { flags: '--longevity-budget <seconds>', description: 'time for bug-fix longevity blames (default 15 when new commits arrive; giving it measures pending fixes now)' },
    ],
    run: async (context, [path], options) => (await import('./commands/index-command.ts')).runIndexCommand(path ?? '.', options, context),
  },
  {
    name: 'find',
    arguments: '<name>',
    description: 'definitions by exact, qualified (Class.method) or fuzzy name, ranked',
    options: [shared.root, shared.json, shared.limit, { flags: '-k, --kind <kind>', description: 'only this kind (function, class, method, ...)' }],
    run: async (context, [name], options) => (await import('./commands/symbol-commands.ts')).runFind(name ?? '', options, context),
  },
  {
    name: 'refs',
    arguments: '<symbol>',
    description: 'uses of a symbol (name, Class.method, path:line or path#name) with file:line and text',
    options: [shared.root, shared.json, shared.limit],
    run: async (context, [spec], options) => (await import('./commands/symbol-commands.ts')).runRefs(spec ?? '', options, context),
  },
  {
    name: 'callers',
    arguments: '<symbol>',
    description: 'definitions that call a symbol, with call sites',
    options: [shared.root, shared.json],
    run: async (context, [spec], options) => (await import('./commands/symbol-commands.ts')).runCallers(spec ?? '', options, context),
  },
  {
    name: 'callees',
    arguments: '<symbol>',
    description: 'calls made by a symbol, resolved where possible',
    options: [shared.root, shared.json],
    run: async (context, [spec], options) => (await import('./commands/symbol-commands.ts')).runCallees(spec ?? '', options, context),
  },
  {
    name: 'outline',
    arguments: '<file>',
    description: "a file's definitions as a tree",
    options: [shared.root, shared.json],
    run: async (context, [path], options) => (await import('./commands/symbol-commands.ts')).runOutline(path ?? '', options, context),
  },
  {
    name: 'search',
    arguments: '<text>',
    description: 'full-text search over code (BM25, identifier-aware, boosted by names and paths)',
    options: [shared.root, shared.json, shared.limit],
    run: async (context, [text], options) => (await import('./commands/repository-commands.ts')).runSearch(text ?? '', options, context),
  },
  {
    name: 'locate',
    arguments: '[description]',
    description: 'files and symbols most likely to need a change for a problem description',
    options: [shared.root, shared.json, shared.limit, { flags: '-f, --file <path>', description: 'read the description from a file (e.g. issue.md)' }],
    run: async (context, [text], options) => (await import('./commands/repository-commands.ts')).runLocate(text, options, context),
  },
  {
    name: 'map',
    description: 'the architecture at a glance: modules, import graph, entry points, key symbols, hot spots',
    options: [shared.root, shared.json, shared.limit, { flags: '--format <format>', description: 'text, json or mermaid', defaultValue: 'text' }],
    run: async (context, _args, options) => (await import('./commands/repository-commands.ts')).runMap(options, context),
  },
  {
    name: 'history',
    arguments: '<target>',
    description: 'commits, churn, fix commits and surviving lines of a file or symbol',
    options: [shared.root, shared.json, shared.limit],
    run: async (context, [target], options) => (await import('./commands/history-command.ts')).runHistory(target ?? '', options, context),
  },
  {
    name: 'check',
    description: 'a verdict with proof for every hunk of a change (working tree, --base or --patch)',
    options: [
      shared.root,
      { flags: '--base <rev>', description: 'compare against this revision (default HEAD)' },
      { flags: '--patch <file>', description: 'check a unified diff against the base instead of the working tree' },
      { flags: '--intent <intent>', description: 'what the change claims to be: fix, feature or refactor (default: inferred)' },
      { flags: '--full', description: 'run the whole test suite, not only impacted tests' },
      { flags: '--record-tests', description: 'first run the whole suite on the base with coverage per test file and keep the test map: later checks against that commit run only the tests that execute the changed lines' },
      { flags: '--only <kinds>', description: 'only these kinds of evidence, comma-separated (build,lint,api,tests,coverage,differential,mutation)' },
      { flags: '--timeout <seconds>', description: 'time limit of one test run or type-check (default 120)' },
      { flags: '--fail-on <verdict>', description: 'exit 1 at or below this verdict (default suspicious; unverified for strict CI)' },
      shared.json,
      { flags: '--sarif', description: 'print SARIF 2.1.0 (GitHub code scanning)' },
      { flags: '--markdown', description: 'print Markdown (a pull-request comment)' },
    ],
    run: async (context, _args, options) => (await import('./commands/check-command.ts')).runCheckCommand(options, context),
  },
  ...taskCommands(),
  {
    name: 'bench',
    description: 'measure any coding agent on task suites: run, report, compare runs, mine tasks from a repository',
    options: [],
    subcommands: [
      {
        name: 'run',
        arguments: '[suite]',
        description: 'run an agent on a suite (tasks.jsonl, swe-bench:<file>, multipl-e:<file>, transcoder:<folder>); recorded under .codewright/bench/<run>/',
        options: [
          { flags: '-a, --agent <agent>', description: 'codewright, reference, empty, or an external agent\'s command line in quotes' },
          { flags: '-w, --workers <count>', description: 'tasks in parallel (default 1)' },
          { flags: '-k, --samples <count>', description: 'samples per task, for pass@k (default 1)' },
          { flags: '-n, --limit <count>', description: 'only the first N tasks of the suite' },
          { flags: '-m, --model <provider:model>', description: 'the model of --agent codewright' },
          { flags: '--resume <run>', description: 'continue a run where it stopped; nothing is counted twice' },
          { flags: '-r, --root <path>', description: 'the folder whose .codewright/bench holds runs (default: the current directory)' },
          { flags: '--min-free-mb <megabytes>', description: 'stop before a task when less disk is free (default 1024)' },
          { flags: '--setup-timeout <seconds>', description: 'time limit of one setup command (default 1800)' },
          { flags: '--test-timeout <seconds>', description: 'time limit of one test run while scoring (default 600)' },
          { flags: '--score-runs <count>', description: 'scorings that must agree before a result stands (default 2; disagreement re-scores 3 times and marks the task flaky)' },
          { flags: '--keep-worktrees', description: 'keep each task\'s checkout under work/ for inspection' },
          shared.json,
        ],
        run: async (context, [suite], options) => (await import('./commands/bench-command.ts')).runBenchRunCommand(suite, options, context),
      },
      {
        name: 'report',
        arguments: '<run>',
        description: 'a run\'s scores by family, scope, complexity and autonomy, with cost; HTML (default, written to the run folder), JSON or Markdown',
        options: [
          { flags: '--format <format>', description: 'html, json or markdown', defaultValue: 'html' },
          { flags: '-o, --out <file>', description: 'write the report here' },
          { flags: '-r, --root <path>', description: 'the folder whose .codewright/bench holds runs' },
        ],
        run: async (context, [id], options) => (await import('./commands/bench-command.ts')).runBenchReportCommand(id ?? '', options, context),
      },
      {
        name: 'compare',
        arguments: '<first> <second>',
        description: 'two runs side by side: per-task differences, exact McNemar on resolved, Wilcoxon signed-rank on cost, tokens, time and measures',
        options: [shared.json, { flags: '-r, --root <path>', description: 'the folder whose .codewright/bench holds runs' }],
        run: async (context, [first, second], options) => (await import('./commands/bench-command.ts')).runBenchCompareCommand(first ?? '', second ?? '', options, context),
      },
      {
        name: 'mine',
        arguments: '<repo>',
        description: "build tasks from a repository's history: fixes with their tests, behaviour-preserving refactors, localization",
        options: [
          { flags: '-o, --out <file>', description: 'write the tasks here (default: stdout, one JSON line each)' },
          { flags: '-n, --limit <count>', description: 'stop after this many tasks' },
          { flags: '--kinds <kinds>', description: 'fix,refactor,localize (default all)' },
        ],
        run: async (context, [repository], options) => (await import('./commands/bench-command.ts')).runBenchMineCommand(repository ?? '.', options, context),
      },
    ],
  },
  {
    name: 'models',
    description: 'the model providers, their keys, the chosen model and prices; checks that the model answers',
    options: [
      shared.root,
      { flags: '-m, --model <provider:model>', description: 'the model to show and check (default: CODEWRIGHT_MODEL or codewright.json)' },
      { flags: '--no-check', description: 'do not send the one-token request' },
      shared.json,
    ],
    run: async (context, _args, options) => (await import('./commands/models-command.ts')).runModelsCommand(options, context),
  },
  {
    name: 'mcp',
    description: 'serve the code world model and check to MCP clients (Claude Code, Codex CLI, Cursor, Cline, opencode) over stdio, or --http on 127.0.0.1',
    options: [
      shared.root,
      { flags: '--http', description: 'serve Streamable HTTP on 127.0.0.1 instead of stdio' },
      { flags: '--port <port>', description: 'HTTP port (default 7331; 0 picks a free one)' },
      { flags: '--token <token>', description: 'bearer token HTTP clients must send (default: CODEWRIGHT_MCP_TOKEN, else generated and printed on stderr)' },
    ],
    run: async (context, _args, options) => (await import('./commands/mcp-command.ts')).runMcpCommand(options, context),
  },
  {
    name: 'stats',
    description: 'what the index holds and how fresh it is',
    options: [shared.root, shared.json],
    run: async (context, _args, options) => (await import('./commands/repository-commands.ts')).runStats(options, context),
  },
  {
    name: 'apply',
    arguments: '[run]',
    description: "apply a run's selected change to your tree, all or nothing, with an undo point (default: the last run)",
    options: [shared.root, shared.json, { flags: '--candidate <id>', description: 'apply this candidate instead of the selected one' }],
    run: async (context, [id], options) => (await import('./commands/run-commands.ts')).runApply(id, options, context),
  },
  {
    name: 'undo',
    description: 'restore the files of the last apply exactly',
    options: [shared.root, shared.json, { flags: '--force', description: 'restore even files edited since the apply (those edits are lost)' }],
    run: async (context, _args, options) => (await import('./commands/run-commands.ts')).runUndo(options, context),
  },
  {
    name: 'runs',
    description: 'list the runs of this repository, newest first',
    options: [shared.root, shared.json],
    run: async (context, _args, options) => (await import('./commands/run-commands.ts')).runRuns(options, context),
  },
  {
    name: 'show',
    arguments: '[run]',
    description: 'replay a run: per candidate its messages, tool calls, edits, evidence, tokens and cost, then the selection (default: last)',
    options: [shared.root, shared.json],
    run: async (context, [id], options) => (await import('./commands/run-commands.ts')).runShow(id, options, context),
  },
];

/** Builds the commander program for `context`. */
export function buildProgram(context: CommandContext): Command {
  const program = new Command('codewright')
    .description('An AI software engineer you can check. Start with `codewright index`, then query the code world model.')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (text) => process.stdout.write(text), writeErr: (text) => process.stderr.write(text) });
  for (const spec of commands) addCommand(program, spec, context);
  return program;
}

function addCommand(parent: Command, spec: CommandSpec, context: CommandContext): void {
  const command = parent.command(spec.name).description(spec.description).exitOverride();
  if (spec.arguments) command.arguments(spec.arguments);
  for (const option of spec.options) {
    const built = new Option(option.flags, option.description);
    if (option.defaultValue !== undefined) built.default(option.defaultValue);
    command.addOption(built);
  }
  for (const subcommand of spec.subcommands ?? []) addCommand(command, subcommand, context);
  const run = spec.run;
  if (!run) return;
  command.action(async (...parameters: unknown[]) => {
    const commandObject = parameters[parameters.length - 1] as Command;
    await run(context, commandObject.args, commandObject.opts());
  });
}

/** Runs the CLI with `argv` and sets `process.exitCode`: 0 success, 1 problems found, 2 usage or environment error. */
export async function main(argv: string[]): Promise<void> {
  const context = processContext();
  try {
    await buildProgram(context).parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 2;
    } else if (CodewrightError.isInstance(error)) {
      context.err(`codewright: ${error.message}`);
      process.exitCode = error.code === 'NOT_FOUND' ? 1 : 2;
    } else if (error instanceof TypeError && /^--/.test(error.message)) {
      context.err(`codewright: ${error.message}`);
      process.exitCode = 2;
    } else {
      context.err(`codewright: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 2;
    }
  }
}
