/** Inertia after every half-move: it falls at each assignment and at each update (Lloyd). */
import { Frame } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { Scatter } from '../../lib/plot/Scatter';
import { Legend } from '../../lib/plot/Legend';
import { VLine } from '../../lib/plot/VLine';
import { ACCENT, FG, MUTED } from '../../lib/plot/colors';
import { fmt } from '../../lib/format/format';
import type { XY } from '../../lib/plot/lines';
import type { KMFrame } from './compute';

const ASSIGN = ACCENT;
const UPDATE = 'var(--c1)';

/** `zoom`: fit the y axis to the moves after the first iteration (mini-batch: its small rises
 *  would be invisible beside the first assignment's inertia). */
export function InertiaPlot({ r, zoom }: { r: KMFrame; zoom: boolean }) {
  const pts: { s: number; v: number }[] = [];
  r.history.forEach((v, s) => v !== null && Number.isFinite(v) && pts.push({ s, v }));
  const upTo = (p: { s: number }) => p.s <= Math.max(0, r.step);
  const done: XY[] = pts.filter(upTo).map((p) => [p.s / 2, p.v]);
  const ahead: XY[] = pts.filter((p) => p.s >= Math.max(1, r.step)).map((p) => [p.s / 2, p.v]);
  const tail = pts.filter((p) => p.s >= 3);
  const zoomed = zoom && tail.length >= 4;
  const vals = (zoomed ? tail : pts).map((p) => p.v);
  const lo = vals.length ? Math.min(...vals) : 0, hi = vals.length ? Math.max(...vals) : 1;
  const log = !zoomed && lo > 0 && hi / lo > 8;
  const yDomain: [number, number] = log ? [lo / 1.25, hi * 1.25] : [Math.max(0, lo - 0.08 * (hi - lo || hi || 1)), hi + 0.08 * (hi - lo || hi || 1)];
  const lastS = pts.length ? pts[pts.length - 1].s : 2;
  const xMax = Math.max(3, Math.ceil(Math.max(lastS, r.step) / 2));
  const dots = done.length <= 120;
  return (
    <Frame
      title="Inertia after each move"
      xLabel="iteration (assignments at ½ steps)"
      yLabel={`inertia${log ? ' (log scale)' : ''}`}
      xDomain={[0, xMax]}
      yDomain={yDomain}
      yType={log ? 'log' : 'linear'}
      aspect={1.45}
      legend={
        <Legend
          items={[
            { label: 'after an assignment', color: ASSIGN, kind: 'point' },
            { label: 'after an update', color: UPDATE, kind: 'point' },
            ...(ahead.length > 1 ? [{ label: 'rest of the run', color: MUTED, kind: 'dashed' as const }] : []),
          ]}
        />
      }
      note={
        r.step <= 0
          ? 'Nothing assigned yet: inertia starts at the first assignment.'
          : `Now: ${fmt(r.snap?.inertia ?? Number.NaN, 6)}.${zoomed ? ' Zoomed in: the first iteration is above the top.' : ''}`
      }
    >
      {ahead.length > 1 && <Line points={ahead} color={MUTED} width={1.25} dash="4 3" />}
      <Line points={done} color={FG} width={1.75} />
      {dots && <Scatter points={done} color={done.map(([t]) => (Number.isInteger(t) ? UPDATE : ASSIGN))} r={3.5} opacity={1} />}
      {r.step > 0 && <VLine x={r.step / 2} label={r.phase === 'assign' ? 'assignment' : 'update'} />}
    </Frame>
  );
}
