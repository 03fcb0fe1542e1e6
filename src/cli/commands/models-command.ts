/** `codewright models`: the providers and keys, the chosen model, prices, and whether the model answers. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { CodewrightError } from '../../core/errors.ts';
import { modelsReport } from '../../agent/model/index.ts';
import type { ModelsReport } from '../../agent/model/index.ts';
import type { CommandContext } from '../context.ts';
import { printJson } from '../context.ts';

export interface ModelsCommandOptions {
  root?: string;
  json?: boolean;
  model?: string;
  /** false with `--no-check`. */
  check?: boolean;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => `  ${row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ')}`.trimEnd());
}

function render(report: ModelsReport, context: CommandContext): void {
  const { bold, dim, green, red } = context.colors;
  context.out(bold('Providers'));
  const rows = report.providers.map((provider) => [
    provider.name,
    provider.type,
    provider.baseURL,
    provider.keySet === null ? 'no key needed' : `${provider.apiKeyEnv} ${provider.keySet ? 'set' : 'not set'}`,
    provider.source === 'built-in' ? '' : `(${provider.source})`,
  ]);
  for (const line of table([['name', 'type', 'address', 'key', ''], ...rows])) context.out(line);
  const files = [report.files.repositoryFound ? report.files.repository : undefined, report.files.userFound ? report.files.user : undefined].filter(Boolean);
  context.out(`${bold('Config')}  ${files.length ? files.join(', ') : dim(`none (${report.files.repository} or ${report.files.user})`)}`);
  if (report.model) {
    const limits = report.model.maxRetries === undefined ? '' : dim(` timeout ${report.model.requestTimeoutSeconds} s, ${report.model.maxRetries} retries`);
    context.out(`${bold('Model')}   ${report.model.id} ${dim(`(from ${report.model.chosenBy})`)}${limits}`);
  }
  const prices = Object.entries(report.prices);
  if (prices.length) {
    context.out(bold('Prices (US$ per million tokens)'));
    for (const [spec, price] of prices) {
      context.out(`  ${spec}  input ${price.inputPerMillion}, output ${price.outputPerMillion}${price.cachedInputPerMillion === undefined ? '' : `, cached input ${price.cachedInputPerMillion}`}`);
    }
  }
  if (report.check?.ok) context.out(`${bold('Check')}   ${green(`${report.model?.id} answered in ${report.check.milliseconds} ms`)}`);
  else if (report.check) context.out(`${bold('Check')}   ${red(`failed after ${report.check.milliseconds} ms (${report.check.code})`)}`);
}

/** Prints the report; exit 2 when no model is usable or the check fails. */
export async function runModelsCommand(options: ModelsCommandOptions, context: CommandContext): Promise<void> {
  const root = resolve(options.root ?? '.');
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    throw new CodewrightError({ code: 'NOT_A_DIRECTORY', message: `${root} is not a directory; give the repository with --root.` });
  }
  const report = await modelsReport(root, { ...(options.model ? { model: options.model } : {}), check: options.check !== false });
  const failure = report.problem ?? (report.check && !report.check.ok ? report.check : undefined);
  if (options.json) printJson(context, report);
  else render(report, context);
  if (failure) {
    if (!options.json) context.err(`codewright: ${failure.message}`);
    process.exitCode = 2;
  }
}
