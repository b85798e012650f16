/**
 * All six methods side by side on the same test set at the same threshold, with the classifier
 * that always says "majority" as the last row; the best value of each column is starred. The
 * accuracy column is the paradox: its best is usually the rule that never finds a minority point.
 */
import { fmt } from '../../lib/format/format';
import { COLUMNS, cell, type Column, type RowKey, type TableRow } from './model';
import type { ImbalanceResult } from './present';
import type { Method } from './params';
import { percent, ROW_LABELS, show } from './look';

const HEADS: Record<Column, string> = { accuracy: 'Accuracy', precision: 'Precision', recall: 'Recall', f1: 'F1', mcc: 'MCC', ap: 'AP' };

/** Three decimals in every cell, so the columns line up and compare at a glance. */
const fixed = (v: number | null) => (v === null ? 'undefined' : v.toFixed(3).replace('-', '−'));

function Cell({ row, col, best }: { row: TableRow; col: Column; best: boolean }) {
  const v = cell(row, col);
  return (
    <td className={best ? 'id-best' : undefined} data-testid={`cell-${row.key}-${col}`} data-best={best ? 'true' : 'false'}>
      {fixed(v)}
      {best && (
        <span className="id-star" title="best in this column">
          {' ★'}
          <span className="id-hidden"> (best)</span>
        </span>
      )}
    </td>
  );
}

export function MethodTable({ r, onPick }: { r: ImbalanceResult; onPick(m: Method): void }) {
  const majority = r.rows.find((x) => x.key === 'majority')!;
  const share = r.test[0] / (r.test[0] + r.test[1]);
  const bestAcc = r.best.accuracy;
  const topAcc = Math.max(...r.rows.map((x) => x.metrics.accuracy ?? 0));
  return (
    <figure className="id-table-figure">
      <figcaption className="id-caption">All methods on the test set at threshold {fmt(r.threshold, 3)} (★ best in its column)</figcaption>
      <div className="table-scroll" role="region" tabIndex={0} aria-label="Metrics per method (scrolls sideways on a narrow screen)">
        <table className="num-table" data-testid="method-table">
          <thead>
            <tr>
              <th scope="col">Method</th>
              <th scope="col">Trained on (maj : min)</th>
              {COLUMNS.map((c) => (
                <th key={c} scope="col">
                  {HEADS[c]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {r.rows.map((row) => (
              <tr key={row.key} data-testid={`row-${row.key}`} className={row.key === r.method ? 'id-chosen' : row.key === 'majority' ? 'id-lazy' : undefined} aria-current={row.key === r.method ? 'true' : undefined}>
                <th scope="row">
                  {row.key === 'majority' ? (
                    ROW_LABELS.majority
                  ) : (
                    <button type="button" className="row-pick" onClick={() => onPick(row.key as Method)} aria-pressed={row.key === r.method} data-testid={`pick-${row.key}`}>
                      {ROW_LABELS[row.key as RowKey]}
                    </button>
                  )}
                </th>
                <td>{row.key === 'majority' ? '(no model)' : `${row.train[0]} : ${row.train[1]}`}</td>
                {COLUMNS.map((c) => (
                  <Cell key={c} row={row} col={c} best={r.best[c].includes(row.key)} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="ctl-help id-paradox" data-testid="paradox">
        Always answering “majority” is right {percent(majority.metrics.accuracy ?? 0)} of the time, the majority’s share of the test set ({fmt(share, 3)}), and finds none of the {r.test[1]} minority points (recall {show(majority.metrics.recall)}).
        {bestAcc.includes('majority')
          ? ' No method beats it on accuracy: accuracy rewards ignoring the rare class.'
          : ` The best model here beats it on accuracy by ${fmt(topAcc - (majority.metrics.accuracy ?? 0), 3)}.`}{' '}
        Its precision and MCC are 0/0, undefined; scikit-learn returns 0 for both.
      </p>
    </figure>
  );
}
