/** The network's class probabilities for the input image, one bar per digit, the top one marked. */
import { memo } from 'react';
import { Frame } from '../../lib/plot/Frame';
import { Bars } from '../../lib/plot/Bars';
import { categoryAxis } from '../../lib/plot/scales';
import { ACCENT, MUTED } from '../../lib/plot/colors';
import { num } from './look';

const AXIS = categoryAxis(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

export const ProbBars = memo(function ProbBars({ probs: raw }: { probs: readonly number[] }) {
  // A diverged network gives NaN: draw no bar rather than a broken one (the notes say why).
  const probs = raw.map((p) => (Number.isFinite(p) ? p : 0));
  const top = probs.reduce((b, q, i, a) => (q > a[b] ? i : b), 0);
  return (
    <Frame
      title="What the network says"
      xLabel="digit"
      yLabel="probability"
      xDomain={AXIS.domain}
      yDomain={[0, 1]}
      xTicks={AXIS.ticks}
      xTickFormat={AXIS.format}
      grid="y"
      aspect={1.5}
      ariaLabel={`Class probabilities; the highest is ${top} at ${num(100 * probs[top])} %`}
      note="Softmax of the last layer: ten numbers that sum to 1."
    >
      <Bars values={probs.map((p, i) => [i === top ? p : 0, i === top ? 0 : p])} mode="stacked" colors={[ACCENT, MUTED]} />
    </Frame>
  );
});
