/** Training loss against step, one line per network, on a log scale; a cross where a run diverged. */
import { Frame } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { Legend } from '../../lib/plot/Legend';
import { Marker } from '../../lib/plot/Marker';
import { VLine } from '../../lib/plot/VLine';
import { Scatter } from '../../lib/plot/Scatter';
import { decades, type SessionView } from './view';
import { runColor } from './look';

function lossDomain(v: SessionView): [number, number] {
  let lo = Infinity, hi = 0;
  for (const r of v.runs)
    for (const l of r.losses)
      if (Number.isFinite(l) && l > 0) {
        lo = Math.min(lo, l);
        hi = Math.max(hi, l);
      }
  // Room above the curves for the "diverged" marks.
  return decades(lo, v.runs.some((r) => r.divergedAt !== null && r.losses.length > 0) ? hi * 30 : hi);
}

export function LossPlot({ v }: { v: SessionView }) {
  const dom = lossDomain(v);
  return (
    <Frame
      title="Training loss (mean squared error)"
      xLabel="training step"
      yLabel="loss (log scale)"
      xDomain={[0, v.horizon]}
      yDomain={dom}
      yType="log"
      aspect={1.3}
      ariaLabel={`Training loss of ${v.runs.length} networks against step, up to step ${v.step}, on a log scale`}
      legend={<Legend items={v.runs.map((r) => ({ label: r.label, color: runColor(r.id), kind: 'line' as const }))} />}
    >
      {v.runs.map((r) => (
        <Line key={r.id} x={r.lossSteps} y={r.losses.map((l) => Math.max(l, dom[0]))} color={runColor(r.id)} width={2.25} />
      ))}
      {v.runs.map((r) =>
        r.losses.length > 0 ? (
          <Scatter key={`now-${r.id}`} x={[r.lossSteps[r.lossSteps.length - 1]]} y={[Math.max(r.losses[r.losses.length - 1], dom[0])]} color={runColor(r.id)} r={3.5} />
        ) : null,
      )}
      {v.runs.map((r) =>
        r.divergedAt !== null && r.losses.length > 0 ? (
          <Marker key={`div-${r.id}`} x={r.divergedAt} y={Math.min(r.losses[r.losses.length - 1] * 5, dom[1])} shape="times" size={12}
            color={runColor(r.id)} label="diverged" />
        ) : null,
      )}
      <VLine x={v.step} label={`step ${v.step}`} />
    </Frame>
  );
}
