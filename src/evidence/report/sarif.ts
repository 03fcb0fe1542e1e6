/** The SARIF 2.1.0 report of `check`, for GitHub code scanning. */
import type { Verdict } from '../../core/change.ts';
import type { CheckReport } from './types.ts';

const level: Record<Verdict, 'error' | 'warning' | 'note' | 'none'> = {
  broken: 'error',
  suspicious: 'error',
  unverified: 'warning',
  likely: 'note',
  verified: 'none',
};

const rules = (['broken', 'suspicious', 'unverified', 'likely', 'verified'] as const).map((verdict) => ({
  id: `codewright/${verdict}`,
  name: `Hunk${verdict[0]!.toUpperCase()}${verdict.slice(1)}`,
  shortDescription: { text: `A changed hunk judged ${verdict} by codewright check` },
  defaultConfiguration: { level: level[verdict] },
}));

/** Renders the report as a SARIF log with one result per hunk that is not verified. */
export function formatSarifReport(report: CheckReport, version: string): object {
  const results = report.files.flatMap((file) =>
    file.hunks
      .filter((entry) => entry.verdict !== 'verified')
      .map((entry) => ({
        ruleId: `codewright/${entry.verdict}`,
        level: level[entry.verdict],
        message: { text: `${entry.verdict}: ${entry.reason}` },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: file.path, uriBaseId: '%SRCROOT%' },
              region: { startLine: Math.max(1, entry.hunk.newStart), endLine: Math.max(1, entry.hunk.newStart + Math.max(0, entry.hunk.newLines - 1)) },
            },
          },
        ],
        properties: { evidence: entry.evidence.map((item) => ({ kind: item.kind, status: item.status, message: item.message })) },
      })),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'codewright', version, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: `file://${report.root}/` } },
        results,
      },
    ],
  };
}
