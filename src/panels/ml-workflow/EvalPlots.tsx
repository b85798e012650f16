/**
 * Step 7: the one look at the test set. The confusion matrix, precision, recall and F1 per
 * class, and the test birds the model was least sure of the truth about, with their features.
 */
import { memo } from 'react';
import { MatrixPlot } from '../../lib/plot/MatrixPlot';
import type { WfResult } from './model';
import { pct } from './look';

export const EvalPlots = memo(function EvalPlots({ r }: { r: WfResult }) {
  const f = r.final;
  const cols = f.worst.length ? Object.keys(f.worst[0].features) : [];
  return (
    <div data-testid="wf-evaluate">
      <div className="plot-grid">
        <MatrixPlot
          title={`Confusion matrix on the ${r.test.n} test birds`}
          values={f.confusion}
          rowLabels={r.classes.map((c) => `actual ${c}`)}
          colLabels={r.classes.map((c) => `predicted ${c}`)}
          xLabel="prediction"
          yLabel="truth"
          scheme="cividis"
          showValues
          format={String}
          maxCell={90}
        />
        <figure className="wf-figure">
          <figcaption className="wf-caption">Per class, on the test set</figcaption>
          <table className="num-table" data-testid="wf-metrics">
            <thead>
              <tr>
                <th scope="col">class</th>
                <th scope="col">precision</th>
                <th scope="col">recall</th>
                <th scope="col">F1</th>
                <th scope="col">birds</th>
              </tr>
            </thead>
            <tbody>
              {r.classes.map((c, k) => (
                <tr key={c}>
                  <th scope="row">{c}</th>
                  <td>{pct(f.perClass[k].precision)}</td>
                  <td>{pct(f.perClass[k].recall)}</td>
                  <td>{pct(f.perClass[k].f1)}</td>
                  <td>{f.perClass[k].support}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </figure>
      </div>
      <figure className="wf-figure">
        <figcaption className="wf-caption">Error analysis: the {f.worst.length} test birds given the lowest probability of their true class</figcaption>
        <div className="table-scroll">
          <table className="num-table" data-testid="wf-worst">
            <thead>
              <tr>
                <th scope="col">bird</th>
                <th scope="col">truth</th>
                <th scope="col">predicted</th>
                <th scope="col">P(truth)</th>
                {cols.map((c) => (
                  <th scope="col" key={c}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {f.worst.map((w) => (
                <tr key={w.row} className={w.truth !== w.predicted ? 'wf-wrong' : undefined}>
                  <th scope="row">#{w.row + 1}</th>
                  <td>{w.truth}</td>
                  <td>{w.predicted}</td>
                  <td>{w.pTrue.toFixed(2)}</td>
                  {cols.map((c) => (
                    <td key={c}>{w.features[c]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </figure>
    </div>
  );
});
