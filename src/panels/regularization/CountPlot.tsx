/** How many weights are non-zero at each λ, against the number that truly matter. */
import { Frame } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { HLine } from '../../lib/plot/HLine';
import { VLine } from '../../lib/plot/VLine';
import { Marker } from '../../lib/plot/Marker';
import { Legend } from '../../lib/plot/Legend';
import { fmt } from '../../lib/format/format';
import { ACCENT, TRUTH } from '../../lib/plot/colors';
import type { RegResult } from './compute';
import { LAMBDA_MAX, LAMBDA_MIN } from './params';

export function CountPlot({ r }: { r: RegResult }) {
  const { path, at } = r;
  const p = path.prepared.p;
  return (
    <Frame
      title="Non-zero weights against λ"
      xLabel="λ (log scale)"
      yLabel="non-zero weights"
      xDomain={[LAMBDA_MIN, LAMBDA_MAX]}
      xType="log"
      yDomain={[0, p + Math.max(1, p * 0.06)]}
      aspect={1.35}
      legend={
        <Legend
          items={[
            { color: ACCENT, label: 'non-zero weights', kind: 'line' },
            { color: TRUTH, label: `features that truly matter (${path.k})`, kind: 'dashed' },
          ]}
        />
      }
      note={path.a === 0 ? `Ridge keeps all ${p} weights non-zero at every λ.` : `${at.nonZero} of ${p} non-zero at λ = ${fmt(at.lambda)}.`}
    >
      <HLine y={path.k} color={TRUTH} />
      <Line x={path.lambdas} y={path.nonZero} color={ACCENT} width={2} curve="stepAfter" />
      <VLine x={at.lambda} label={`λ = ${fmt(at.lambda)}`} />
      <Marker x={at.lambda} y={at.nonZero} size={9} color={ACCENT} />
    </Frame>
  );
}
