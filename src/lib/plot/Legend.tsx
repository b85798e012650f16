/* Swatches and labels in HTML, so they wrap onto more lines on a phone instead of overflowing. */
import type { CSSProperties } from 'react';

export interface LegendItem {
  label: string;
  color: string;
  /** How the key is drawn: a filled square, a line (solid or dashed), or a point. */
  kind?: 'swatch' | 'line' | 'dashed' | 'point';
}

export interface LegendProps {
  items: readonly LegendItem[];
  style?: CSSProperties;
}

const LIST_STYLE: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: 'var(--s1) var(--s3)',
  listStyle: 'none',
  margin: '0 0 var(--s1) 0',
  padding: 0,
  fontSize: 'var(--fs-xs)',
  color: 'var(--muted)',
  fontFamily: 'var(--font)',
};

function Key({ color, kind = 'swatch' }: Pick<LegendItem, 'color' | 'kind'>) {
  return (
    <svg width={16} height={10} aria-hidden="true" style={{ flex: 'none', overflow: 'visible' }}>
      {kind === 'swatch' && <rect x={1} y={0} width={12} height={10} rx={2} style={{ fill: color }} />}
      {kind === 'point' && <circle cx={7} cy={5} r={4} style={{ fill: color }} />}
      {(kind === 'line' || kind === 'dashed') && (
        <line
          x1={0}
          x2={16}
          y1={5}
          y2={5}
          style={{ stroke: color, strokeWidth: 2, strokeDasharray: kind === 'dashed' ? '4 3' : undefined }}
        />
      )}
    </svg>
  );
}

export function Legend({ items, style }: LegendProps) {
  return (
    <ul style={{ ...LIST_STYLE, ...style }}>
      {items.map((it) => (
        <li key={it.label} style={{ display: 'inline-flex', alignItems: 'center', gap: 'var(--s1)' }}>
          <Key color={it.color} kind={it.kind} />
          <span>{it.label}</span>
        </li>
      ))}
    </ul>
  );
}
