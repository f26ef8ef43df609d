/**
 * A small hand-written SVG line chart of note-save latency against vault size: persons on a
 * logarithmic x axis, milliseconds on y; the vault and plain SQLite, p50 as solid lines and
 * p95 as dashed ones. No chart library: the file is plain text, diffable and readable anywhere.
 */

export interface LatencyPoint {
  people: number;
  vault: { p50: number; p95: number };
  plain: { p50: number; p95: number };
}

const WIDTH = 720;
const HEIGHT = 420;
const MARGIN = { top: 48, right: 190, bottom: 56, left: 64 };
const VAULT_COLOR = '#b03a2e';
const PLAIN_COLOR = '#1f618d';

function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** A round upper bound for the y axis: 1, 2, 2.5 or 5 times a power of ten. */
function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (value <= step * power) return step * power;
  return 10 * power;
}

const round = (value: number) => Number(value.toFixed(1));

export function saveLatencySvg(points: readonly LatencyPoint[], subtitle: string): string {
  const sorted = [...points].sort((a, b) => a.people - b.people);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const people = sorted.map((point) => point.people);
  const minX = Math.log10(Math.min(...people)) - 0.08;
  const maxX = Math.log10(Math.max(...people)) + 0.08;
  const maxY = niceCeiling(
    Math.max(
      ...sorted.flatMap((point) => [point.vault.p95, point.plain.p95]).filter(Number.isFinite),
    ),
  );
  const x = (value: number) =>
    round(MARGIN.left + ((Math.log10(value) - minX) / (maxX - minX || 1)) * plotWidth);
  const y = (value: number) => round(MARGIN.top + plotHeight - (value / maxY) * plotHeight);

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">`,
    `<title>Note save latency against vault size</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${MARGIN.left}" y="22" font-size="15" font-weight="600">Saving a case note (notes:create) against vault size</text>`,
    `<text x="${MARGIN.left}" y="38" fill="#555555">${escapeXml(subtitle)}</text>`,
  );

  // Grid and y axis
  const yTicks = 5;
  for (let i = 0; i <= yTicks; i++) {
    const value = (maxY / yTicks) * i;
    const at = y(value);
    out.push(
      `<line x1="${MARGIN.left}" y1="${at}" x2="${MARGIN.left + plotWidth}" y2="${at}" stroke="#e5e5e5"/>`,
      `<text x="${MARGIN.left - 8}" y="${at + 4}" text-anchor="end" fill="#333333">${String(Number(value.toFixed(2)))}</text>`,
    );
  }
  out.push(
    `<text transform="translate(18 ${MARGIN.top + plotHeight / 2}) rotate(-90)" text-anchor="middle" fill="#333333">ms per save</text>`,
  );

  // x axis: one tick per measured size
  const baseline = MARGIN.top + plotHeight;
  out.push(
    `<line x1="${MARGIN.left}" y1="${baseline}" x2="${MARGIN.left + plotWidth}" y2="${baseline}" stroke="#333333"/>`,
    `<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${baseline}" stroke="#333333"/>`,
  );
  for (const value of people) {
    out.push(
      `<line x1="${x(value)}" y1="${baseline}" x2="${x(value)}" y2="${baseline + 5}" stroke="#333333"/>`,
      `<text x="${x(value)}" y="${baseline + 19}" text-anchor="middle" fill="#333333">${value.toLocaleString('en-US')}</text>`,
    );
  }
  out.push(
    `<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 12}" text-anchor="middle" fill="#333333">persons in the vault (log scale; ~10 case notes each)</text>`,
  );

  // Lines and points
  const series = [
    {
      label: 'vault p50',
      color: VAULT_COLOR,
      dash: '',
      width: 2.5,
      pick: (p: LatencyPoint) => p.vault.p50,
    },
    {
      label: 'vault p95',
      color: VAULT_COLOR,
      dash: '6 4',
      width: 1.5,
      pick: (p: LatencyPoint) => p.vault.p95,
    },
    {
      label: 'plain SQLite p50',
      color: PLAIN_COLOR,
      dash: '',
      width: 2.5,
      pick: (p: LatencyPoint) => p.plain.p50,
    },
    {
      label: 'plain SQLite p95',
      color: PLAIN_COLOR,
      dash: '6 4',
      width: 1.5,
      pick: (p: LatencyPoint) => p.plain.p95,
    },
  ];
  for (const line of series) {
    const coordinates = sorted.map((point) => `${x(point.people)},${y(line.pick(point))}`);
    out.push(
      `<polyline fill="none" stroke="${line.color}" stroke-width="${line.width}"${line.dash ? ` stroke-dasharray="${line.dash}"` : ''} points="${coordinates.join(' ')}"/>`,
    );
    for (const point of sorted) {
      const value = line.pick(point);
      out.push(
        `<circle cx="${x(point.people)}" cy="${y(value)}" r="${line.dash ? 2.5 : 3.5}" fill="${line.color}"><title>${escapeXml(`${line.label}, ${point.people.toLocaleString('en-US')} persons: ${value.toFixed(2)} ms`)}</title></circle>`,
      );
    }
  }

  // Legend
  const legendX = MARGIN.left + plotWidth + 24;
  series.forEach((line, i) => {
    const at = MARGIN.top + 10 + i * 22;
    out.push(
      `<line x1="${legendX}" y1="${at}" x2="${legendX + 28}" y2="${at}" stroke="${line.color}" stroke-width="${line.width}"${line.dash ? ` stroke-dasharray="${line.dash}"` : ''}/>`,
      `<text x="${legendX + 36}" y="${at + 4}" fill="#222222">${escapeXml(line.label)}</text>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
