/**
 * Activation histograms of the learner's network, one row per hidden layer (a ridge of
 * histograms drawn as a heat map): where the activations sit, and how many sit where the
 * activation is flat.
 */
import { Frame } from '../../lib/plot/Frame';
import { HeatMap } from '../../lib/plot/HeatMap';
import { ColorBar } from '../../lib/plot/ColorBar';
import { ACTIVATION_LABELS } from './params';
import { ACT_RANGE, HIST_BINS } from './stats';
import type { SessionView } from './view';
import { N_POINTS } from './setup';

const pct = (v: number) => `${Math.round(100 * v)}%`;

export function ActivationPlot({ v }: { v: SessionView }) {
  const main = v.runs[0];
  const { activation, depth } = main.cfg;
  const hidden = depth - 1;
  const [lo, hi] = ACT_RANGE[activation];
  const dx = (hi - lo) / HIST_BINS;
  const rec = main.rec;
  let maxFrac = 0, maxOutside = 0;
  if (rec) {
    for (const f of rec.hist) maxFrac = Math.max(maxFrac, f);
    for (const f of rec.outside) maxOutside = Math.max(maxOutside, f);
  }
  const title = `Your network: activations per layer at step ${main.recStep >= 0 ? main.recStep : v.step}`;
  if (hidden < 1 || !rec) {
    return (
      <Frame title={title} xLabel={`${ACTIVATION_LABELS[activation]} output`} yLabel="hidden layer" xDomain={[lo, hi]} yDomain={[0.5, 1.5]}
        yTicks={[]} aspect={1.3} note={hidden < 1 ? 'A depth-1 network has no hidden layers.' : 'No finite activations to show.'} />
    );
  }
  const bounded = activation === 'sigmoid' || activation === 'tanh';
  return (
    <Frame
      title={title}
      xLabel={`${ACTIVATION_LABELS[activation]} output`}
      yLabel="hidden layer"
      xDomain={[lo, hi]}
      yDomain={[0.5, hidden + 0.5]}
      grid="none"
      aspect={1.3}
      ariaLabel={`Histogram of the activation outputs of each of ${hidden} hidden layers, ${ACTIVATION_LABELS[activation]}, one row per layer`}
      legend={<ColorBar label="share of the layer’s values" domain={[0, maxFrac || 1]} format={pct} />}
      note={
        <>
          Each row is one layer’s histogram over {N_POINTS} inputs × {main.cfg.width} units
          {bounded ? '; bright columns at the edges mean saturated units, whose slope is almost 0.' : '; a bright column at 0 means switched-off units.'}
          {maxOutside > 0.005 ? ` Up to ${pct(maxOutside)} of a layer’s values lie beyond ${hi} and are counted in the edge bin.` : ''}
        </>
      }
    >
      <HeatMap values={rec.hist} nx={HIST_BINS} ny={hidden} extent={[lo + dx / 2, hi - dx / 2, 1, hidden]} domain={[0, maxFrac || 1]} smooth={false} />
    </Frame>
  );
}
