/**
 * The two gradient-norm views: norm against layer for every network (now solid, at
 * initialisation dashed), and the learner's network as a layer-by-step heat map.
 */
import { Frame } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { Scatter } from '../../lib/plot/Scatter';
import { HeatMap } from '../../lib/plot/HeatMap';
import { ColorBar } from '../../lib/plot/ColorBar';
import { Legend } from '../../lib/plot/Legend';
import { VLine } from '../../lib/plot/VLine';
import { HLine } from '../../lib/plot/HLine';
import { MUTED } from '../../lib/plot/colors';
import { finiteExtent } from '../../lib/plot/heatRaster';
import { formatPow10 } from '../../lib/plot/ticks';
import { decades, plotNorm, type RunView, type SessionView } from './view';
import { EXPLODE_NORM } from './stats';
import { runColor } from './look';

function layerAxis(depth: number): [number, number] {
  return depth > 1 ? [1, depth] : [0.5, 1.5];
}

function normDomain(runs: RunView[]): [number, number] {
  let lo = Infinity, hi = 0;
  for (const r of runs)
    for (const rec of [r.rec, r.init]) {
      if (!rec) continue;
      for (const v of rec.norms) {
        const y = plotNorm(v);
        if (!Number.isFinite(y)) continue;
        lo = Math.min(lo, y);
        hi = Math.max(hi, y);
      }
    }
  return decades(lo, hi);
}

function normNote(v: SessionView, dom: [number, number]): string | undefined {
  const parts: string[] = [];
  for (const r of v.runs)
    if (r.rec && r.recStep < v.step) parts.push(`${r.label} stopped at step ${r.recStep}: its line is that step’s.`);
    // No record and no divergence: its first step is still being trained (a progress view).
    else if (!r.rec) parts.push(r.divergedAt === null ? `${r.label}: its first step is still being trained.` : `${r.label}: no finite gradient to draw.`);
  if (dom[1] > EXPLODE_NORM) parts.push(`Dotted rule: ${EXPLODE_NORM.toLocaleString('en')}, above which gradients count as exploding.`);
  return parts.length ? parts.join(' ') : undefined;
}

const layers = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

export function NormByLayer({ v }: { v: SessionView }) {
  const depth = v.runs[0].cfg.depth;
  const x = layers(depth);
  const dom = normDomain(v.runs);
  const atInit = v.step > 0;
  return (
    <Frame
      title={`Gradient norm per layer at step ${v.step}`}
      xLabel="layer (1 = next to the input)"
      yLabel="‖∂loss/∂W‖ (log scale)"
      xDomain={layerAxis(depth)}
      yDomain={dom}
      yType="log"
      aspect={1.3}
      ariaLabel={`Gradient norm of each weight matrix, layer 1 to ${depth}, for ${v.runs.length} networks, on a log scale`}
      legend={
        <Legend
          items={[
            ...v.runs.map((r) => ({ label: r.label, color: runColor(r.id), kind: 'line' as const })),
            ...(atInit ? [{ label: 'at step 0 (initialisation)', color: MUTED, kind: 'dashed' as const }] : []),
          ]}
        />
      }
      note={normNote(v, dom)}
    >
      {dom[1] > EXPLODE_NORM && <HLine y={EXPLODE_NORM} dash="2 3" />}
      {atInit &&
        v.runs.map((r) =>
          r.init ? <Line key={`init-${r.id}`} x={x} y={Array.from(r.init.norms, plotNorm)} color={runColor(r.id)} width={1.25} dash="5 4" opacity={0.75} /> : null,
        )}
      {v.runs.map((r) => {
        if (!r.rec) return null;
        const y = Array.from(r.rec.norms, plotNorm);
        return (
          <g key={r.id}>
            <Line x={x} y={y} color={runColor(r.id)} width={2.25} />
            {depth <= 30 && <Scatter x={x} y={y} color={runColor(r.id)} r={2.5} />}
          </g>
        );
      })}
    </Frame>
  );
}

export function NormHeat({ v }: { v: SessionView }) {
  const { values, nx, ny } = v.heat;
  const ext = finiteExtent(values, true);
  const dom: [number, number] = ext ? (ext[0] === ext[1] ? [ext[0] / 10, ext[1] * 10] : ext) : [1e-3, 1];
  const label = (t: number) => (t >= 1e-3 && t <= 1e4 ? String(Number(t.toPrecision(2))) : formatPow10(Math.log10(t)));
  return (
    <Frame
      title="Your network: gradient norm by layer and step"
      xLabel="training step"
      yLabel="layer"
      xDomain={[-0.5, v.horizon + 0.5]}
      yDomain={[0.5, ny + 0.5]}
      grid="none"
      aspect={1.3}
      ariaLabel={`Heat map of the gradient norm of each of ${ny} layers at each training step from 0 to ${v.step}, colour on a log scale`}
      legend={ext ? <ColorBar label="‖∂loss/∂W‖" domain={dom} log format={label} /> : undefined}
      note={`Columns fill in as training runs (up to step ${v.horizon} on this axis). Dark = small gradient.`}
    >
      <HeatMap values={values} nx={nx} ny={ny} extent={[0, nx - 1, 1, ny]} log domain={dom} smooth={false} />
      <VLine x={v.step} label={`step ${v.step}`} />
    </Frame>
  );
}
