/**
 * The data, the centres and their Voronoi regions. Points are coloured by cluster, or during
 * k-means++ seeding by their chance of being picked next. Drag a centre to start a new run from
 * the centres as they are on screen (the link records them as centers=…, init=manual, and shows
 * the first assignment, step 1); with the keyboard, Tab to a centre and move it with the arrow
 * keys (CentreHandles). During seeding, hovering shows a point's probability.
 */
import { useMemo, useRef, useState } from 'react';
import { Frame, type PlotPointer } from '../../lib/plot/Frame';
import { ColorBar } from '../../lib/plot/ColorBar';
import { Legend } from '../../lib/plot/Legend';
import { Marker } from '../../lib/plot/Marker';
import { FG, resolveColor } from '../../lib/plot/colors';
import { relativeLuminance } from '../../lib/plot/colorMath';
import { useThemeKey } from '../../lib/plot/useThemeKey';
import { fmt } from '../../lib/format/format';
import type { KMFrame } from './compute';
import { ClusterCanvas } from './ClusterCanvas';
import { CentreHandles } from './CentreHandles';
import { nudged } from './nudge';
import { CentreMarks, VoronoiEdges } from './ClusterMarks';
import { clusterColor, count, probColor, PROB_BINS, UNASSIGNED } from './look';
import { MAX_K } from './params';

const CLUSTER_COLORS = Array.from({ length: MAX_K }, (_, j) => clusterColor(j));
const GREY = [UNASSIGNED];

interface Drag {
  j: number;
  x: number;
  y: number;
}

function binned(w: Float32Array): { idx: Uint8Array; max: number } {
  let max = 0;
  for (let i = 0; i < w.length; i++) if (w[i] > max) max = w[i];
  const idx = new Uint8Array(w.length);
  if (max > 0) for (let i = 0; i < w.length; i++) idx[i] = Math.min(PROB_BINS - 1, Math.floor((w[i] / max) * PROB_BINS));
  return { idx, max };
}

export interface ClusterPlotProps {
  r: KMFrame;
  /** Centres just placed whose run is still being computed (null when none). */
  placed: Float64Array | null;
  /** A centre was dropped or moved by a key: restart from these centres. */
  onPlace(centres: Float64Array): void;
}

export function ClusterPlot({ r, placed, onPlace }: ClusterPlotProps) {
  const { data: d, snap, seeding } = r;
  const [drag, setDrag] = useState<Drag | null>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const [hover, setHover] = useState<number | null>(null);
  const dragRef = useRef<Drag | null>(null);
  const themeKey = useThemeKey();
  // Reading CSS variables forces a style pass: once per theme, not once per step.
  const dark = useMemo(() => themeKey >= 0 && relativeLuminance(resolveColor('var(--plot-bg)')) < 0.3, [themeKey]);
  const [x0, x1, y0, y1] = d.view;
  const weights = r.phase === 'seeding' ? seeding!.weights : null;
  const prob = useMemo(() => (weights ? binned(weights) : null), [weights]);
  const probPalette = useMemo(() => Array.from({ length: PROB_BINS }, (_, b) => probColor((b + 0.5) / PROB_BINS, dark)), [dark]);

  // What is on screen: the frame's centres, or those just placed until their run arrives.
  const shown = placed && placed.length === r.centres.length ? placed : r.centres;
  const centres = useMemo(() => {
    if (!drag) return shown;
    const c = Float64Array.from(shown);
    c[2 * drag.j] = drag.x;
    c[2 * drag.j + 1] = drag.y;
    return c;
  }, [shown, drag]);

  const canDrag = !r.error && r.phase !== 'seeding';
  const tol = 0.045 * Math.max(x1 - x0, y1 - y0);
  const clampX = (v: number) => Math.max(x0, Math.min(x1, v));
  const clampY = (v: number) => Math.max(y0, Math.min(y1, v));

  const down = (p: PlotPointer) => {
    if (!canDrag || !p.inside) return;
    let best = -1, bd = Infinity;
    for (let j = 0; j < shown.length / 2; j++) {
      const dd = Math.hypot(p.x - shown[2 * j], p.y - shown[2 * j + 1]);
      if (dd < bd) [best, bd] = [j, dd];
    }
    if (best < 0 || bd > tol) return;
    dragRef.current = { j: best, x: shown[2 * best], y: shown[2 * best + 1] };
    setDrag(dragRef.current);
  };
  const move = (p: PlotPointer) => {
    if (dragRef.current) {
      dragRef.current = { ...dragRef.current, x: clampX(p.x), y: clampY(p.y) };
      setDrag(dragRef.current);
      return;
    }
    if (!weights || !p.inside) return setHover(null);
    let best = -1, bd = tol * tol;
    for (let i = 0; i < d.n; i++) {
      const dx = d.x[2 * i] - p.x, dy = d.x[2 * i + 1] - p.y;
      const dd = dx * dx + dy * dy;
      if (dd < bd) [best, bd] = [i, dd];
    }
    setHover(best >= 0 ? best : null);
  };
  const up = () => {
    const g = dragRef.current;
    dragRef.current = null;
    setDrag(null);
    if (!g) return;
    const c = Float64Array.from(shown);
    c[2 * g.j] = g.x;
    c[2 * g.j + 1] = g.y;
    onPlace(c);
  };
  const nudge = (j: number, key: string, shift: boolean) => {
    const c = nudged(shown, j, key, shift, d.view);
    if (c) onPlace(c);
  };

  const colored = !!snap?.labels && !r.error;
  const idx = prob ? prob.idx : colored ? snap!.labels : null;
  const palette = prob ? probPalette : colored ? CLUSTER_COLORS : GREY;
  const hoverP = hover !== null && weights && seeding ? weights[hover] / seeding.total : null;

  const legend = prob ? (
    <ColorBar label={`chance of being centre ${seeding!.picked + 1}`} domain={[0, prob.max / seeding!.total]} interpolate={(t) => probColor(t, dark)} format={(v) => fmt(v, 2)} />
  ) : (
    <Legend
      items={[
        ...(colored ? Array.from({ length: r.k }, (_, j) => ({ label: `cluster ${j + 1}`, color: CLUSTER_COLORS[j], kind: 'point' as const })) : [{ label: 'not assigned yet', color: UNASSIGNED, kind: 'point' as const }]),
        ...(r.phase === 'update' ? [{ label: 'centre’s previous place', color: FG, kind: 'dashed' as const }] : []),
      ]}
    />
  );

  const note = r.error
    ? 'No clustering: K is larger than the number of points.'
    : r.phase === 'seeding'
      ? hoverP !== null
        ? `Point under the pointer: chance ${fmt(hoverP, 3)} of being picked next (${fmt(hoverP * d.n, 3)}× the uniform 1/N).`
        : 'Hover over a point to read its chance of being picked next. Lines: Voronoi edges of the centres picked so far.'
      : `Drag a centre (numbered circle), or Tab to it and use the arrow keys, to start a new run from there. Shading: each centre’s Voronoi region${snap?.batch ? '; large dots: this iteration’s mini-batch' : ''}.`;

  return (
    <Frame
      title={`${count(d.n)} points, K = ${r.k}`}
      xLabel="x₁"
      yLabel="x₂"
      xDomain={[x0, x1]}
      yDomain={[y0, y1]}
      equalAspect
      maxHeight={560}
      grid="none"
      cursor={drag ? 'grabbing' : canDrag ? 'grab' : 'default'}
      dragCapture={canDrag}
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerLeave={() => setHover(null)}
      ariaLabel={`Scatter plot of ${count(d.n)} points with ${r.k} centres and their Voronoi regions`}
      legend={legend}
      note={note}
    >
      <ClusterCanvas
        x={d.x}
        n={d.n}
        idx={idx}
        palette={palette}
        highlight={colored ? (snap!.batch ?? null) : null}
        regions={r.error || r.phase === 'seeding' ? null : centres}
        regionColors={CLUSTER_COLORS}
      />
      {!r.error && <VoronoiEdges centres={centres} />}
      {hover !== null && <Marker x={d.x[2 * hover]} y={d.x[2 * hover + 1]} shape="circle" size={12} color="none" stroke={FG} strokeWidth={2} />}
      {!r.error && (
        <CentreMarks
          centres={centres}
          colors={CLUSTER_COLORS}
          prev={r.phase === 'update' && !drag && shown === r.centres ? r.prevCentres : null}
          ring={r.phase === 'seeding' && seeding ? seeding.picked - 1 : null}
          active={drag?.j ?? (canDrag ? focused : null)}
        />
      )}
      {canDrag && <CentreHandles centres={centres} onMove={nudge} onFocus={setFocused} />}
    </Frame>
  );
}
