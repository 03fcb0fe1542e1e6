/** The report of a task run, as Markdown for people and as a plain object for JSON. */
import type { TaskRequest } from '../../core/task.ts';
import type { Budget, CandidateSpend } from '../scaling/budget.ts';
import type { TaskRunResult } from '../run-task.ts';
import type { Usage } from '../types.ts';

export interface RunReport {
  runId: string;
  request: TaskRequest;
  model: string;
  selected?: string;
  explanation: string;
  /** The selected candidate's answer (ask) or summary. */
  answer: string;
  candidates: {
    candidate: string;
    round: number;
    parent?: string;
    status: string;
    steps: number;
    score?: number;
    success?: { passed: boolean; summary: string; details: string[]; measures?: Record<string, number> };
    verdicts?: Record<string, number>;
    hunks?: { path: string; line: number; verdict: string; reason: string }[];
    changedLines: number;
    error?: string;
    spend?: CandidateSpend;
  }[];
  questions: { question: string; options: string[]; answer: string; by: string; test?: string }[];
  assumptions: string[];
  crossCheck: { candidate: string; author: string; passed: number; total: number }[];
  limits: Budget['limits'];
  stoppedBy?: string;
  total: Usage;
  milliseconds: number;
}

function changedLines(diff: string): number {
  return diff.split('\n').filter((line) => (line.startsWith('+') || line.startsWith('-')) && !line.startsWith('+++') && !line.startsWith('---')).length;
}

export function buildReport(input: { runId: string; request: TaskRequest; model: string; result: TaskRunResult; budget: Budget; milliseconds: number }): RunReport {
  const { result } = input;
  const spend = input.budget.perCandidate();
  const selected = result.candidates.find((record) => record.candidate === result.selected);
  return {
    runId: input.runId,
    request: input.request,
    model: input.model,
    ...(result.selected ? { selected: result.selected } : {}),
    explanation: result.explanation,
    answer: selected?.answer ?? '',
    candidates: result.candidates.map((record) => {
      const ranked = result.ranked.find((item) => item.candidate === record.candidate);
      const report = record.evaluation?.checkReport;
      const success = record.evaluation?.success;
      return {
        candidate: record.candidate,
        round: record.round,
        ...(record.parent ? { parent: record.parent } : {}),
        status: record.status,
        steps: record.steps,
        ...(ranked ? { score: Number(ranked.score.toFixed(3)) } : {}),
        ...(success ? { success: { passed: success.passed, summary: success.summary, details: success.details, ...(success.measures ? { measures: success.measures } : {}) } } : {}),
        ...(report ? { verdicts: report.counts, hunks: report.files.flatMap((file) => file.hunks.map((hunk) => ({ path: file.path, line: hunk.hunk.newStart, verdict: hunk.verdict, reason: hunk.reason }))) } : {}),
        changedLines: changedLines(record.diff),
        ...(record.error ? { error: record.error.message } : {}),
        ...(spend[record.candidate] ? { spend: spend[record.candidate] } : {}),
      };
    }),
    questions: result.clarifications.map((item) => ({ question: item.question.text, options: item.question.options, answer: item.answer.answer, by: item.answer.by, ...(item.testPath ? { test: item.testPath } : {}) })),
    assumptions: result.clarifications.flatMap((item) => (item.assumption ? [item.assumption] : [])),
    crossCheck: result.crossCheck.map(({ candidate, author, passed, total }) => ({ candidate, author, passed, total })),
    limits: input.budget.limits,
    ...(result.stoppedBy ? { stoppedBy: result.stoppedBy } : {}),
    total: input.budget.total(),
    milliseconds: input.milliseconds,
  };
}

const money = (value: number) => `$${value.toFixed(4)}`;

/** Markdown: the selection and why, each candidate's evidence and spend, questions, assumptions and limits. */
export function renderReportMarkdown(report: RunReport): string {
  const lines = [`# codewright ${report.request.family}: ${report.request.text.split('\n')[0]}`, '', `Run \`${report.runId}\` with \`${report.model}\`.`, ''];
  lines.push('## Selection', '', report.explanation, '');
  if (report.selected) lines.push(`Apply it with \`codewright apply ${report.runId}\`; undo with \`codewright undo\`.`, '');
  if (report.answer) lines.push('## Answer', '', report.answer, '');
  lines.push('## Candidates', '', '| candidate | round | status | success | verdicts | score | tokens in/out | cost | time |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const item of report.candidates) {
    const verdicts = item.verdicts ? Object.entries(item.verdicts).filter(([, count]) => count > 0).map(([verdict, count]) => `${count} ${verdict}`).join(', ') : '-';
    const spend = item.spend;
    lines.push(`| ${item.candidate}${item.parent ? ` (from ${item.parent})` : ''} | ${item.round} | ${item.status} | ${item.success ? `${item.success.passed ? 'pass' : 'fail'}: ${item.success.summary}` : '-'} | ${verdicts || '-'} | ${item.score ?? '-'} | ${spend ? `${spend.inputTokens}/${spend.outputTokens}` : '-'} | ${spend ? money(spend.cost) : '-'} | ${spend ? `${(spend.milliseconds / 1000).toFixed(1)} s` : '-'} |`);
  }
  lines.push('');
  for (const item of report.candidates) {
    const flagged = (item.hunks ?? []).filter((hunk) => hunk.verdict !== 'verified');
    if (flagged.length === 0 && !item.error) continue;
    lines.push(`### Candidate ${item.candidate}`, '');
    if (item.error) lines.push(`Error: ${item.error}`, '');
    for (const hunk of flagged) lines.push(`- ${hunk.path}:${hunk.line} **${hunk.verdict}**: ${hunk.reason}`);
    lines.push('');
  }
  if (report.questions.length > 0) {
    lines.push('## Questions', '');
    for (const item of report.questions) lines.push(`- ${item.question}`, `  - answer (${item.by}): ${item.answer}${item.test ? `; kept as the test \`${item.test}\`` : ''}`);
    lines.push('');
  }
  if (report.assumptions.length > 0) lines.push('## Assumptions (non-interactive)', '', ...report.assumptions.map((item) => `- ${item}`), '');
  const limits = Object.entries(report.limits).filter(([, value]) => value !== undefined).map(([name, value]) => `${name} ${value}`).join(', ');
  lines.push('## Spend', '', `${report.total.inputTokens} input and ${report.total.outputTokens} output tokens, ${money(report.total.cost)}, ${(report.milliseconds / 1000).toFixed(1)} s.${limits ? ` Limits: ${limits}.` : ''}${report.stoppedBy ? ` Stopped by ${report.stoppedBy}.` : ''}`, '');
  return lines.join('\n');
}
