/**
 * Feature importances two ways, side by side: impurity (mean decrease in Gini or entropy,
 * scikit-learn's feature_importances_, computed on the training data the trees split) and
 * permutation (drop in test accuracy when one column is shuffled, ± one sd over the shuffles).
 * Noise columns can collect impurity importance just by being split on; shuffling them does
 * not hurt the test accuracy.
 */
import { memo } from 'react';
import { Frame } from '../../lib/plot/Frame';
import { Bars } from '../../lib/plot/Bars';
import { Line } from '../../lib/plot/Line';
import { HLine } from '../../lib/plot/HLine';
import { categoryAxis } from '../../lib/plot/scales';
import { FG } from '../../lib/plot/colors';
import { featureName } from './data';
import type { Scores } from './model';
import { IMPURITY, PERMUTATION, sameScores } from './look';

const f3 = (v: number) => v.toFixed(2).replace('-', '−');

interface ImportancesProps {
  s: Scores;
  /** Names the scores: the forest's key and tree count (see sameScores). */
  scoresKey: string;
  criterion: string;
}

export const Importances = memo(function Importances({ s, criterion }: ImportancesProps) {
  const d = s.impurity.length;
  const axis = categoryAxis(Array.from({ length: d }, (_, j) => featureName(j)));
  const labels = d <= 6;
  const imp = Array.from(s.impurity);
  const perm = Array.from(s.permMean);
  const sd = Array.from(s.permSd);
  const permLo = Math.min(0, ...perm.map((m, j) => m - sd[j]));
  const permHi = Math.max(0.05, ...perm.map((m, j) => m + sd[j]));
  return (
    <div className="plot-grid" data-testid="importances">
      <Frame
        title={`Impurity importance (mean decrease in ${criterion === 'entropy' ? 'entropy' : 'Gini'})`}
        xLabel="feature"
        yLabel="share of the decrease"
        xDomain={axis.domain}
        yDomain={[0, Math.max(0.1, ...imp) * 1.12]}
        xTicks={axis.ticks}
        xTickFormat={axis.format}
        grid="y"
        aspect={1.5}
        note="Computed on the training points, from the splits themselves."
      >
        <Bars values={imp} colors={IMPURITY} labels={labels} format={f3} />
      </Frame>
      <Frame
        title="Permutation importance (test points)"
        xLabel="feature"
        yLabel="drop in test accuracy"
        xDomain={axis.domain}
        yDomain={[permLo * 1.15, permHi * 1.15]}
        xTicks={axis.ticks}
        xTickFormat={axis.format}
        grid="y"
        aspect={1.5}
        note="Each column shuffled 5 times; whiskers ± 1 sd. Near 0: the forest does not need it."
      >
        <Bars values={perm} colors={PERMUTATION} labels={labels} format={f3} />
        {perm.map((m, j) => <Line key={j} points={[[j, m - sd[j]], [j, m + sd[j]]] as [number, number][]} color={FG} width={1.2} />)}
        <HLine y={0} color={FG} dash="" width={1} />
      </Frame>
    </div>
  );
}, (a, b) => sameScores(a, b) && a.criterion === b.criterion);
