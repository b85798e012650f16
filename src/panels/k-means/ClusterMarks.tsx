/* SVG marks of the cluster plot: Voronoi edges between centres, where centres came from in an
   update, and the centres themselves (the newest k-means++ pick ringed). */
import { useMemo } from 'react';
import { Delaunay } from 'd3';
import { usePlotScales } from '../../lib/plot/context';
import { ACCENT, FG, resolveColor } from '../../lib/plot/colors';
import { textColorOn } from '../../lib/plot/colorMath';
import { useThemeKey } from '../../lib/plot/useThemeKey';

export function VoronoiEdges({ centres }: { centres: Float64Array }) {
  const { x, y, innerWidth: iw, innerHeight: ih } = usePlotScales();
  const k = centres.length / 2;
  if (k < 2) return null;
  const pts = Array.from({ length: k }, (_, j) => [x(centres[2 * j]), y(centres[2 * j + 1])] as [number, number]);
  if (!pts.every(([a, b]) => Number.isFinite(a) && Number.isFinite(b))) return null;
  const d = Delaunay.from(pts).voronoi([0, 0, iw, ih]).render();
  return <path d={d} style={{ fill: 'none', stroke: FG, strokeOpacity: 0.45, strokeWidth: 1.25 }} />;
}

export interface CentreMarksProps {
  centres: Float64Array;
  colors: readonly string[];
  /** Where each centre was before this update (dashed trail), or null. */
  prev: Float64Array | null;
  /** Index of a centre to ring (the newest k-means++ pick), or null. */
  ring: number | null;
  /** Index of the centre being dragged, or null. */
  active: number | null;
}

export function CentreMarks({ centres, colors, prev, ring, active }: CentreMarksProps) {
  const { x, y } = usePlotScales();
  const themeKey = useThemeKey();
  // Label colours for the current theme (reading CSS variables costs a style pass).
  const labelColors = useMemo(() => (themeKey >= 0 ? colors.map((c) => textColorOn(resolveColor(c))) : []), [colors, themeKey]);
  const k = centres.length / 2;
  const items = [];
  for (let j = 0; j < k; j++) {
    const cx = x(centres[2 * j]), cy = y(centres[2 * j + 1]);
    if (!Number.isFinite(cx) || !Number.isFinite(cy)) continue;
    const big = j === active;
    items.push(
      <g key={j}>
        {prev && (
          <>
            <line x1={x(prev[2 * j])} y1={y(prev[2 * j + 1])} x2={cx} y2={cy} style={{ stroke: FG, strokeWidth: 1.75, strokeDasharray: '4 3' }} />
            <circle cx={x(prev[2 * j])} cy={y(prev[2 * j + 1])} r={4} style={{ fill: 'var(--plot-bg)', stroke: FG, strokeWidth: 1.5 }} />
          </>
        )}
        {ring === j && <circle cx={cx} cy={cy} r={14} style={{ fill: 'none', stroke: ACCENT, strokeWidth: 2.5 }} />}
        <circle cx={cx} cy={cy} r={big ? 10 : 8} style={{ fill: colors[j], stroke: FG, strokeWidth: 2.5 }} />
        <text x={cx} y={cy} dy="0.35em" textAnchor="middle" style={{ fontSize: 10, fontWeight: 700, fill: labelColors[j], pointerEvents: 'none' }}>
          {j + 1}
        </text>
      </g>,
    );
  }
  return <g>{items}</g>;
}
