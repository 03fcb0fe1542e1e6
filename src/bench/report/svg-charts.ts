/** Inline SVG charts for the HTML report: bars of rates, and a scatter of cost against score. No scripts, no CDN. */

/** Text safe inside HTML and SVG. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export interface Bar {
  label: string;
  /** 0..1, or null when nothing counts (drawn as an empty bar marked n/a). */
  value: number | null;
  note?: string;
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** Horizontal bars from 0 to 100%, one per entry, labelled with the rate and the note. */
export function barChart(title: string, bars: readonly Bar[]): string {
  const rowHeight = 26;
  const left = 140;
  const width = 520;
  const plot = width - left - 110;
  const height = 34 + bars.length * rowHeight;
  const rows = bars.map((bar, index) => {
    const y = 28 + index * rowHeight;
    const length = bar.value === null ? 0 : Math.max(1, bar.value * plot);
    const text = bar.value === null ? 'n/a' : percent(bar.value);
    return [
      `<text x="${left - 8}" y="${y + 14}" text-anchor="end" class="label">${escapeHtml(bar.label)}</text>`,
      `<rect x="${left}" y="${y}" width="${plot}" height="18" class="track"/>`,
      `<rect x="${left}" y="${y}" width="${length.toFixed(1)}" height="18" class="bar"><title>${escapeHtml(`${bar.label}: ${text}${bar.note ? ` (${bar.note})` : ''}`)}</title></rect>`,
      `<text x="${left + plot + 6}" y="${y + 14}" class="value">${text}${bar.note ? ` ${escapeHtml(bar.note)}` : ''}</text>`,
    ].join('');
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><text x="0" y="16" class="title">${escapeHtml(title)}</text>${rows.join('')}</svg>`;
}

export interface Point {
  x: number;
  y: number;
  label: string;
}

/** A scatter of points, x from 0 to the largest x, y from 0 to 1 (a rate), with axis labels. */
export function scatterChart(title: string, points: readonly Point[], axes: { x: string; y: string }): string {
  const width = 520;
  const height = 300;
  const margin = { left: 50, right: 20, top: 30, bottom: 40 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const maxX = Math.max(0, ...points.map((point) => point.x)) || 1;
  const px = (x: number) => margin.left + (x / maxX) * plotWidth;
  const py = (y: number) => margin.top + (1 - y) * plotHeight;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((tick) => `<line x1="${margin.left}" x2="${width - margin.right}" y1="${py(tick)}" y2="${py(tick)}" class="grid"/><text x="${margin.left - 6}" y="${py(tick) + 4}" text-anchor="end" class="value">${tick * 100}%</text>`);
  const dots = points.map((point) => `<circle cx="${px(point.x).toFixed(1)}" cy="${py(point.y).toFixed(1)}" r="5" class="dot"><title>${escapeHtml(`${point.label}: ${axes.x} ${point.x.toPrecision(3)}, ${axes.y} ${percent(point.y)}`)}</title></circle>`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<text x="0" y="16" class="title">${escapeHtml(title)}</text>`,
    ...ticks,
    `<line x1="${margin.left}" x2="${width - margin.right}" y1="${py(0)}" y2="${py(0)}" class="axis"/>`,
    `<text x="${width - margin.right}" y="${height - 8}" text-anchor="end" class="value">${escapeHtml(axes.x)} (max ${maxX.toPrecision(3)})</text>`,
    ...dots,
    '</svg>',
  ].join('');
}
