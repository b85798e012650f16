/**
 * One query token's attention as arcs: the tokens twice, queries on the left and keys on the
 * right, with a curve from the chosen query to every key, as thick and opaque as its weight.
 * Click (or Enter on) a left-hand token to choose the query. Tokens are SVG text: the learner's
 * words are never markup.
 */
import type { KeyboardEvent } from 'react';
import { fmt } from '../../lib/format/format';
import { useSize } from '../../lib/plot/useSize';
import { estimateTextWidth } from '../../lib/plot/ticks';
import { FIGURE_STYLE, FONT_PX, TICK_LABEL_STYLE, TITLE_STYLE } from '../../lib/plot/theme';
import { FigureMenu } from '../../lib/export/FigureMenu';

export interface ArcViewProps {
  labels: readonly string[];
  /** weights[query][key]. */
  weights: readonly (readonly number[])[];
  query: number;
  causal: boolean;
  onPick(query: number): void;
}

const ROW = 24;
const PAD = 8;
const ARC = 'var(--accent)';

export function ArcView({ labels, weights, query, causal, onPick }: ArcViewProps) {
  const { ref, width: measured } = useSize<HTMLDivElement>();
  const n = labels.length;
  const labelW = Math.min(96, Math.max(24, ...labels.map((s) => 1.12 * estimateTextWidth(s, FONT_PX.sm))));
  const numW = 46;
  const width = Math.max(200, Math.min(measured, 460));
  const xl = PAD + labelW; // right edge of the query labels
  const xr = width - PAD - numW - labelW; // left edge of the key labels
  const height = PAD * 2 + n * ROW + 18;
  const y = (i: number) => PAD + 18 + (i + 0.5) * ROW;
  const row = weights[query] ?? [];
  const max = Math.max(1e-12, ...row);
  const key = (i: number) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onPick(i);
    }
  };
  const qWord = labels[query] ?? '';

  return (
    <figure style={{ ...FIGURE_STYLE, position: 'relative' }}>
      <figcaption style={{ ...TITLE_STYLE, paddingRight: '3.5em' }}>Where “{qWord}” looks: its attention weights as arcs</figcaption>
      <FigureMenu plotTitle={`Attention arcs from ${qWord}`} />
      <div ref={ref} style={{ width: '100%', minWidth: 0 }}>
        <svg
          viewBox={`0 0 ${width} ${height}`}
          role="group"
          aria-label={`Attention of the query “${qWord}” over the ${n} keys; choose another query with the tokens on the left`}
          style={{ display: 'block', width, maxWidth: '100%', height: 'auto' }}
        >
          <text x={xl} y={PAD + 8} textAnchor="end" style={{ ...TICK_LABEL_STYLE, fontSize: 'var(--fs-xs)' }}>
            query
          </text>
          <text x={xr} y={PAD + 8} style={{ ...TICK_LABEL_STYLE, fontSize: 'var(--fs-xs)' }}>
            key · weight
          </text>
          <g aria-hidden="true">
            {row.map((w, j) => {
              if (!(w > 0)) return null;
              const x0 = xl + 6, x1 = xr - 6, y0 = y(query), y1 = y(j), mx = (x0 + x1) / 2;
              return (
                <path
                  key={j}
                  d={`M${x0},${y0} C${mx},${y0} ${mx},${y1} ${x1},${y1}`}
                  style={{ fill: 'none', stroke: ARC, strokeWidth: 0.75 + 9 * w, strokeOpacity: 0.2 + 0.8 * (w / max), strokeLinecap: 'round' }}
                />
              );
            })}
          </g>
          {labels.map((s, i) => {
            const on = i === query;
            return (
              <g
                key={`q${i}`}
                role="button"
                tabIndex={0}
                aria-pressed={on}
                aria-label={`Query token ${i + 1}: ${labels[i]}`}
                onClick={() => onPick(i)}
                onKeyDown={key(i)}
                style={{ cursor: 'pointer' }}
              >
                <rect x={PAD - 4} y={y(i) - ROW / 2 + 1} width={labelW + 8} height={ROW - 2} rx={4}
                  style={{ fill: on ? 'var(--accent)' : 'transparent', stroke: on ? 'none' : 'var(--border)', strokeWidth: 1 }} />
                <text x={xl} y={y(i)} dy="0.32em" textAnchor="end"
                  style={{ fontSize: 'var(--fs-sm)', fontFamily: 'var(--font)', fill: on ? 'var(--accent-fg)' : 'var(--fg)', fontWeight: on ? 600 : 400 }}>
                  {s}
                </text>
              </g>
            );
          })}
          <g aria-hidden="true">
            {labels.map((s, j) => {
              const w = row[j] ?? 0;
              const masked = causal && j > query;
              return (
                <g key={`k${j}`}>
                  <text x={xr} y={y(j)} dy="0.32em" style={{ fontSize: 'var(--fs-sm)', fontFamily: 'var(--font)', fill: masked ? 'var(--muted)' : 'var(--fg)', fontWeight: w === max ? 600 : 400 }}>
                    {s}
                  </text>
                  <text x={width - PAD} y={y(j)} dy="0.32em" textAnchor="end" style={{ ...TICK_LABEL_STYLE, fontFamily: 'var(--mono)' }}>
                    {masked ? 'masked' : w < 0.001 ? '<0.001' : fmt(w, 2)}
                  </text>
                </g>
              );
            })}
          </g>
        </svg>
      </div>
      <p style={{ margin: 'var(--s1) 0 0', fontSize: 'var(--fs-xs)', color: 'var(--muted)' }}>
        Click a query token on the left (or use the Query token slider) to follow another token.
      </p>
    </figure>
  );
}
