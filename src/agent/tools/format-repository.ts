/** Compact text of repository-wide queries for a model: search, locate, map, history. */
import type { FileHistory } from '../../atlas/history/index.ts';
import type { HistoryAnswer } from '../../atlas/query/history.ts';
import type { LocatedFile } from '../../atlas/query/locate.ts';
import type { RepositoryMap } from '../../atlas/query/map.ts';
import type { SearchHit } from '../../atlas/query/search.ts';

const day = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

/** Each hit's location and its matching lines. */
export function formatSearch(query: string, hits: readonly SearchHit[]): string {
  if (hits.length === 0) return `nothing matches \`${query}\`; try other words, or find for a definition name`;
  const lines: string[] = [];
  for (const hit of hits) {
    lines.push(`${hit.path}:${hit.startLine}-${hit.endLine}${hit.symbol ? ` ${hit.symbol}` : ''}`);
    for (const line of hit.lines) lines.push(`    ${line.line}: ${line.text}`);
  }
  return lines.join('\n');
}

/** Ranked files with the signals behind them and their likeliest definitions. */
export function formatLocate(files: readonly LocatedFile[]): string {
  if (files.length === 0) return 'no file matches the description; use other words, or search for an identifier';
  const lines: string[] = [];
  for (const file of files) {
    const signals = Object.entries(file.signals)
      .filter(([, value]) => value > 0)
      .map(([name, value]) => `${name} ${value.toFixed(2)}`)
      .join(', ');
    lines.push(`${file.path} (score ${file.score.toFixed(2)}: ${signals})`);
    for (const symbol of file.symbols) lines.push(`    ${symbol.qualifiedName} ${symbol.kind} line ${symbol.line}`);
  }
  return lines.join('\n');
}

/** Modules, their import edges, entry points, key symbols and hot spots. */
export function formatMap(map: RepositoryMap): string {
  const lines = ['modules (files, lines, definitions):'];
  for (const module of map.modules.slice(0, 30)) lines.push(`  ${module.name}: ${module.files} files, ${module.lines} lines, ${module.symbols} definitions`);
  if (map.edges.length > 0) lines.push('imports between modules:');
  for (const edge of map.edges.slice(0, 30)) lines.push(`  ${edge.from} -> ${edge.to} (${edge.imports})`);
  if (map.entryPoints.length > 0) lines.push('entry points:');
  for (const entry of map.entryPoints) lines.push(`  ${entry.path} (${entry.why})`);
  if (map.keySymbols.length > 0) lines.push('most imported definitions:');
  for (const symbol of map.keySymbols) lines.push(`  ${symbol.qualifiedName} ${symbol.kind} ${symbol.path}:${symbol.line} (${symbol.importers} importers)`);
  if (map.hotSpots.length > 0) lines.push('most changed files:');
  for (const spot of map.hotSpots) lines.push(`  ${spot.path}: ${spot.commits} commits, churn ${spot.churn}, ${spot.fixes} fixes`);
  return lines.join('\n');
}

function fileLines(file: FileHistory): string[] {
  const lines = [`${file.path}: ${file.commitCount} commits, +${file.added} -${file.deleted}, ${file.fixCount} fixes`];
  for (const commit of file.commits) {
    lines.push(`  ${commit.sha.slice(0, 10)} ${day(commit.time)} ${commit.isFix ? 'fix: ' : ''}${commit.subject} (+${commit.added} -${commit.deleted})`);
  }
  if (file.coChanged.length > 0) lines.push(`  changes together with: ${file.coChanged.slice(0, 5).map((other) => `${other.path} (${other.count})`).join(', ')}`);
  return lines;
}

/** A file's commits, or the commits that touched each matching definition's lines. */
export function formatHistory(answer: HistoryAnswer): string {
  if (answer.type === 'file') {
    const lines = fileLines(answer.file);
    if (answer.file.commitCount === 0) lines.push('  (no mined history for this file in this worktree\'s index)');
    return lines.join('\n');
  }
  const lines: string[] = [];
  for (const { symbol, history } of answer.symbols) {
    lines.push(`${symbol.qualifiedName} ${symbol.location.path}:${symbol.location.startLine}-${symbol.location.endLine}`);
    if (!history) {
      lines.push('  no git history');
      continue;
    }
    if (history.commits.length === 0) lines.push('  no commits touched these lines (new code)');
    for (const commit of history.commits) lines.push(`  ${commit.sha.slice(0, 10)} ${day(commit.time)} ${commit.isFix ? 'fix: ' : ''}${commit.subject}`);
    if (history.timedOut) lines.push('  (git log -L timed out: older commits may be missing)');
  }
  return lines.join('\n');
}
