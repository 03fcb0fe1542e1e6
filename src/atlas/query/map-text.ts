/** The repository map as text: modules, imports between them, entry points, key symbols and hot spots. */
import type { RepositoryMap } from './map.ts';

/** Text styles; the default writes plain text. */
export interface MapStyles {
  bold(text: string): string;
  dim(text: string): string;
  cyan(text: string): string;
}

const plain = (text: string) => text;
const plainStyles: MapStyles = { bold: plain, dim: plain, cyan: plain };

/** Renders `map` as aligned text, styled for a terminal or plain (the default). */
export function formatMapText(map: RepositoryMap, styles: MapStyles = plainStyles): string {
  const { bold, dim, cyan } = styles;
  const lines = [bold('modules')];
  for (const module of map.modules.slice(0, 40)) {
    const languages = Object.entries(module.languages).sort((a, b) => b[1] - a[1]).map(([language]) => language).join(', ');
    lines.push(`  ${module.name.padEnd(40)} ${String(module.files).padStart(6)} files ${String(module.lines).padStart(8)} lines  ${dim(languages)}`);
  }
  lines.push('', bold('imports between modules'));
  for (const edge of map.edges.slice(0, 40)) lines.push(`  ${edge.from} -> ${edge.to} ${dim(`(${edge.imports})`)}`);
  if (map.edges.length === 0) lines.push(dim('  (none resolved)'));
  lines.push('', bold('entry points'));
  for (const entry of map.entryPoints) lines.push(`  ${cyan(entry.path)} ${dim(entry.why)}`);
  lines.push('', bold('most depended-on symbols'));
  for (const symbol of map.keySymbols) lines.push(`  ${symbol.qualifiedName} ${dim(`${symbol.kind}, ${symbol.path}:${symbol.line}, imported by ${symbol.importers} files`)}`);
  lines.push('', bold('hot spots (churn in mined history)'));
  for (const spot of map.hotSpots) lines.push(`  ${cyan(spot.path)} ${dim(`${spot.commits} commits, churn ${spot.churn}, ${spot.fixes} fixes`)}`);
  if (map.hotSpots.length === 0) lines.push(dim('  (no history: not a git repository, or indexed with --no-history)'));
  return lines.join('\n');
}
