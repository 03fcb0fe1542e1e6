/** `bench report`: a run's summary as HTML, JSON or Markdown, written where asked with links that still reach the run's files. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CodewrightError } from '../../core/errors.ts';
import { readBenchRun } from '../run/open-bench-run.ts';
import { summarizeRun } from '../score/summarize-run.ts';
import type { BenchSummary } from '../score/summary-types.ts';
import { renderBenchHtml } from './render-html.ts';
import { renderBenchMarkdown } from './render-markdown.ts';

export const reportFormats = ['html', 'json', 'markdown'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export interface BenchReport {
  summary: BenchSummary;
  text: string;
  /** Where the report was written, when it was. */
  path?: string;
}

/** Renders `summary` in `format`; links are relative to `linkPrefix` (from the report's folder to the run folder). */
export function renderBenchReport(summary: BenchSummary, format: ReportFormat, linkPrefix = ''): string {
  if (format === 'json') return `${JSON.stringify(summary, null, 2)}\n`;
  return format === 'html' ? renderBenchHtml(summary, linkPrefix) : renderBenchMarkdown(summary, linkPrefix);
}

/**
 * Reads run `id` under `root` (or a run folder), summarizes it and renders it. With `out` the report is written there;
 * an HTML report without `out` goes to `<run>/report.html`. JSON and Markdown without `out` are only returned.
 */
export function benchReport(root: string, id: string, options: { format?: string; out?: string } = {}): BenchReport {
  const format = (options.format ?? 'html') as ReportFormat;
  if (!reportFormats.includes(format)) throw new CodewrightError({ code: 'INVALID_ARGUMENT', message: `--format takes ${reportFormats.join(', ')}, not \`${options.format}\`.` });
  const run = readBenchRun(root, id);
  const summary = summarizeRun(run);
  const out = options.out ? resolve(options.out) : format === 'html' ? join(run.directory, 'report.html') : undefined;
  const prefix = out ? relative(dirname(out), run.directory).split(sep).join('/') : '';
  const text = renderBenchReport(summary, format, prefix);
  if (out) {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, text);
  }
  return { summary, text, ...(out ? { path: out } : {}) };
}
