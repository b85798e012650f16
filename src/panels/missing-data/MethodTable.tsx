/**
 * Every method in one table: the estimates of the mean and variance of y and of corr(x, y)
 * (average ± spread over the resampled data sets, the truth in the header), the downstream test
 * error of the pipeline chosen (imputed after or before the split), and the leak: how much lower
 * the error looks when the imputer saw the whole table before the split.
 */
import { fmt } from '../../lib/format/format';
import type { RowKey, StudyResult } from './model';
import type { Method } from './params';
import { pm, ROW_LABELS } from './look';

export function MethodTable({ r, method, split, onPick }: { r: StudyResult; method: Method; split: 'after' | 'before'; onPick(m: Method): void }) {
  const mse = split === 'after' ? 'mseAfter' : 'mseBefore';
  return (
    <figure className="md-table-figure">
      <figcaption className="md-caption">
        All methods over {r.input.draws} data sets of {r.input.n} rows: average ± standard deviation
      </figcaption>
      <div className="table-scroll" role="region" tabIndex={0} aria-label="Estimates and errors per method (scrolls sideways on a narrow screen)">
        <table className="num-table" data-testid="method-table">
          <thead>
            <tr>
              <th scope="col">Method</th>
              <th scope="col">Mean of y (truth 0)</th>
              <th scope="col">Variance of y (truth 1)</th>
              <th scope="col">corr(x, y) (truth {fmt(r.truth.corr, 3)})</th>
              <th scope="col">Test MSE, imputed {split === 'after' ? 'after' : 'before'} the split</th>
              <th scope="col">Leak: honest − leaky MSE</th>
            </tr>
          </thead>
          <tbody>
            {r.rows.map((row) => (
              <tr key={row.key} data-testid={`row-${row.key}`} className={row.key === method ? 'md-chosen' : undefined} aria-current={row.key === method ? 'true' : undefined}>
                <th scope="row">
                  {row.key === 'complete' ? (
                    <span title="before anything went missing: the best any method could do">{ROW_LABELS.complete}</span>
                  ) : (
                    <button type="button" className="row-pick" onClick={() => onPick(row.key as Method)} aria-pressed={row.key === method} data-testid={`pick-${row.key}`}>
                      {ROW_LABELS[row.key as RowKey]}
                    </button>
                  )}
                </th>
                <td data-testid={`cell-${row.key}-meanY`}>{pm(row.meanY.mean, row.meanY.sd)}</td>
                <td data-testid={`cell-${row.key}-varY`}>{pm(row.varY.mean, row.varY.sd)}</td>
                <td data-testid={`cell-${row.key}-corr`}>{pm(row.corr.mean, row.corr.sd)}</td>
                <td data-testid={`cell-${row.key}-mse`}>
                  {pm(row[mse].mean, row[mse].sd)}
                  {row.key === 'drop' ? ' *' : ''}
                </td>
                <td data-testid={`cell-${row.key}-leak`}>{pm(row.leak.mean, row.leak.sd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="ctl-help md-footnote">
        * Dropping rows can only score the complete test rows: its error is not comparable with the others, and a deployed
        model would still meet incomplete rows. The leak is per data set: the honest pipeline’s test error minus the leaky one’s
        (imputer fitted on the whole table, target and test rows included); {r.nTrain} training and {r.nTest} test rows.
      </p>
    </figure>
  );
}
