/**
 * The PR curve (step-wise, with lines of equal F-beta and the no-skill baseline) and the ROC
 * curve (with the chance diagonal and the line of equal cost through the optimum). Both mark the
 * current threshold and the cost-optimal one; for synthetic data the population curve is dashed.
 */
import { Frame } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { HLine } from '../../lib/plot/HLine';
import { Marker } from '../../lib/plot/Marker';
import { Legend, type LegendItem } from '../../lib/plot/Legend';
import { usePlotScales } from '../../lib/plot/context';
import { haloLabelStyle } from '../../lib/plot/labelStyle';
import { MUTED } from '../../lib/plot/colors';
import { fmt } from '../../lib/format/format';
import { isoCostLine, isoFbeta, type Operating, type PrResult, type XY } from './model';
import { BEST, CURRENT, PRECISION } from './look';

const UNIT: [number, number] = [0, 1];
const ISO_LEVELS = [0.2, 0.4, 0.6, 0.8];
const CURVE = PRECISION;

/** The PR step function: precision P_k over recall (R_(k-1), R_k], the area AP sums. */
function prSteps(pr: XY[]): XY[] {
  const out: XY[] = [pr[0]];
  for (let k = 1; k < pr.length; k++) out.push([pr[k - 1][0], pr[k][1]], pr[k]);
  return out;
}

/** A small label at a data point, in the halo style of the plot kit. */
function PointLabel({ at, text, anchor = 'end' }: { at: XY; text: string; anchor?: 'start' | 'end' }) {
  const { x, y } = usePlotScales();
  return (
    <text x={x(at[0]) + (anchor === 'end' ? -3 : 3)} y={y(at[1]) - 3} textAnchor={anchor} style={haloLabelStyle('var(--muted)')}>
      {text}
    </text>
  );
}

const prPoint = (o: Operating): XY | null =>
  o.metrics.precision !== null && o.metrics.recall !== null ? [o.metrics.recall, o.metrics.precision] : null;
const rocPoint = (o: Operating): XY | null => (o.metrics.fpr !== null && o.metrics.recall !== null ? [o.metrics.fpr, o.metrics.recall] : null);

function markerItems(r: PrResult): LegendItem[] {
  const items: LegendItem[] = [
    { color: CURVE, label: 'this sample', kind: 'line' },
    { color: CURRENT, label: 'threshold', kind: 'point' },
    { color: BEST, label: 'cost-optimal', kind: 'point' },
  ];
  if (r.population) items.splice(1, 0, { color: MUTED, label: 'population', kind: 'dashed' });
  return items;
}

export function PrPlot({ r }: { r: PrResult }) {
  const beta = r.beta;
  const name = Math.abs(beta - 1) < 1e-9 ? 'F1' : 'Fβ';
  const cur = prPoint(r.current), best = prPoint(r.best);
  return (
    <Frame
      title={`Precision-recall curve, AP ${r.averagePrecision === null ? 'undefined' : fmt(r.averagePrecision, 3)}`}
      xLabel="recall"
      yLabel="precision"
      xDomain={UNIT}
      yDomain={UNIT}
      aspect={1.2}
      legend={<Legend items={[...markerItems(r), { color: MUTED, label: `equal ${name}${name === 'Fβ' ? ` (β = ${fmt(beta, 3)})` : ''}`, kind: 'dashed' }]} />}
      note={r.pr ? `Shaded: the average precision. Dotted: precision of random guessing (the share of positives, ${fmt(r.prevalence, 3)}).` : 'Undefined: there are no positives.'}
    >
      {ISO_LEVELS.map((f) => {
        const pts = isoFbeta(f, beta);
        return (
          <g key={f}>
            <Line points={pts} color={MUTED} width={1} dash="2 3" opacity={0.8} />
            <PointLabel at={pts[pts.length - 1]} text={`${name} ${f}`} />
          </g>
        );
      })}
      {r.population && r.population.pr.length > 1 && <Line points={r.population.pr} color={MUTED} width={1.5} dash="5 3" />}
      {r.pr && (
        <>
          <Line points={[...prSteps(r.pr), [r.pr[r.pr.length - 1][0], 0], [0, 0]]} closed color="none" fill={CURVE} fillOpacity={0.1} />
          <Line points={prSteps(r.pr)} color={CURVE} width={2} />
          <HLine y={r.prevalence} dash="1 3" />
        </>
      )}
      {best && <Marker x={best[0]} y={best[1]} shape="diamond" size={13} color={BEST} />}
      {cur && <Marker x={cur[0]} y={cur[1]} size={10} color={CURRENT} />}
    </Frame>
  );
}

export function RocPlot({ r }: { r: PrResult }) {
  const cur = rocPoint(r.current), best = rocPoint(r.best);
  const iso = best ? isoCostLine(best, r.costRatio, r.nPos, r.nNeg) : null;
  return (
    <Frame
      title={`ROC curve, AUC ${r.rocAuc === null ? 'undefined' : fmt(r.rocAuc, 3)}`}
      xLabel="false positive rate (1 − specificity)"
      yLabel="true positive rate (recall)"
      xDomain={UNIT}
      yDomain={UNIT}
      aspect={1.2}
      legend={<Legend items={[...markerItems(r), { color: BEST, label: 'equal cost', kind: 'dashed' }]} />}
      note={r.roc ? 'Shaded: the AUC. The optimum is where a line of slope (cost ratio × negatives / positives) last touches the curve.' : 'Undefined: the examples are all of one class.'}
    >
      <Line points={[[0, 0], [1, 1]]} color={MUTED} width={1} dash="2 3" />
      {r.population && <Line points={r.population.roc} color={MUTED} width={1.5} dash="5 3" />}
      {r.roc && (
        <>
          <Line points={[...r.roc, [1, 0]]} closed color="none" fill={CURVE} fillOpacity={0.1} />
          <Line points={r.roc} color={CURVE} width={2} />
        </>
      )}
      {iso && <Line points={iso} color={BEST} width={1.25} dash="6 3" />}
      {best && <Marker x={best[0]} y={best[1]} shape="diamond" size={13} color={BEST} />}
      {cur && <Marker x={cur[0]} y={cur[1]} size={10} color={CURRENT} />}
    </Frame>
  );
}
