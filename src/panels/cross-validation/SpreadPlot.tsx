/* The spread of the estimate: over many shuffles of the same data, the score of one held-out
   fold (up) against the mean over all k folds (down), on one accuracy axis. */
import { fmt } from '../../lib/format/format';
import { Bars } from '../../lib/plot/Bars';
import { Frame } from '../../lib/plot/Frame';
import { HLine } from '../../lib/plot/HLine';
import { Legend } from '../../lib/plot/Legend';
import { VLine } from '../../lib/plot/VLine';
import { FG } from '../../lib/plot/colors';
import type { SpreadResult } from './model';
import { KFOLD, SINGLE } from './look';

/** Counts per bin of width 1/n (every accuracy here is close to a multiple of 1/n). */
export function histogram(values: readonly number[], n: number): Map<number, number> {
  const h = new Map<number, number>();
  for (const v of values) {
    const b = Math.round(v * n);
    h.set(b, (h.get(b) ?? 0) + 1);
  }
  return h;
}

export function SpreadPlot({ r, fresh }: { r: SpreadResult; fresh: number }) {
  const { folds } = r;
  const hs = histogram(r.single, r.n), hk = histogram(r.kfold, r.n);
  const bins = [...new Set([...hs.keys(), ...hk.keys()])].sort((a, b) => a - b);
  const xs = bins.map((b) => b / r.n);
  const top = Math.max(1, ...hs.values(), ...hk.values());
  // Pad by a bin and a bit, so bars at 0 or 1 are drawn whole.
  const pad = 1 / r.n + 0.02;
  const lo = Math.min(...xs, fresh) - pad, hi = Math.max(...xs, fresh) + pad;
  return (
    <Frame
      title={`One split or ${folds} folds? ${r.single.length} shuffles of the same data`}
      xLabel="estimated accuracy"
      yLabel="shuffles"
      xDomain={[lo, hi]}
      yDomain={[-top * 1.1, top * 1.1]}
      yTickFormat={(v) => String(Math.abs(v))}
      aspect={1.45}
      grid="x"
      legend={
        <Legend
          items={[
            { color: SINGLE, label: `one split (test ${r.testSize}), up` },
            { color: KFOLD, label: `${folds}-fold mean, down` },
            { color: FG, label: 'model on all data, new samples', kind: 'dashed' },
          ]}
        />
      }
      note={`sd: one split ${fmt(r.singleStats.std, 2)}, ${folds}-fold mean ${fmt(r.kfoldStats.std, 2)}`}
    >
      <Bars values={bins.map((b) => hs.get(b) ?? 0)} x={xs} colors={SINGLE} bandwidth={0.8 / r.n} />
      <Bars values={bins.map((b) => -(hk.get(b) ?? 0))} x={xs} colors={KFOLD} bandwidth={0.8 / r.n} />
      <HLine y={0} color={FG} dash="" width={1} />
      <VLine x={fresh} color={FG} label={`new data ${fmt(fresh, 3)}`} />
    </Frame>
  );
}
