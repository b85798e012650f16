/* The key to a heat map or coloured contours: a gradient strip with its end values, in HTML so
   it wraps with the text. Pass the same scheme, domain and log flag as the HeatMap. */
import { format as d3format } from 'd3';
import { INTERPOLATORS, type SchemeName } from './colors';

export interface ColorBarProps {
  label: string;
  domain: readonly [number, number];
  scheme?: SchemeName;
  interpolate?: (t: number) => string;
  /** Colours were assigned by log10(value): label the ends accordingly. */
  log?: boolean;
  format?: (v: number) => string;
  /** Strip width in px (it shrinks on narrow screens). */
  width?: number;
}

const fmt = d3format('.3~g');

export function ColorBar({ label, domain, scheme = 'viridis', interpolate, log = false, format = fmt, width = 160 }: ColorBarProps) {
  const interp = interpolate ?? INTERPOLATORS[scheme];
  const stops = Array.from({ length: 11 }, (_, k) => `${interp(k / 10)} ${k * 10}%`).join(', ');
  const [lo, hi] = domain;
  return (
    <div
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        alignItems: 'center',
        gap: 'var(--s1) var(--s2)',
        fontSize: 'var(--fs-xs)',
        color: 'var(--muted)',
        fontFamily: 'var(--font)',
        fontVariantNumeric: 'tabular-nums',
      }}
    >
      <span>{label}{log ? ' (log scale)' : ''}</span>
      <span style={{ display: 'inline-flex', alignItems: 'center', gap: 'var(--s1)', minWidth: 0 }}>
        <span>{format(lo)}</span>
        <span
          aria-hidden="true"
          style={{
            display: 'inline-block',
            width,
            maxWidth: '40vw',
            height: 10,
            borderRadius: 2,
            background: `linear-gradient(to right, ${stops})`,
          }}
        />
        <span>{format(hi)}</span>
      </span>
    </div>
  );
}
