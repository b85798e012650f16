/**
 * "Accuracy lies": the classifier at the threshold and at the cost optimum beside the one that
 * always says "negative", which wins on accuracy whenever positives are rare.
 */
import type { CSSProperties } from 'react';
import { fmt } from '../../lib/format/format';
import type { Operating, PrResult } from './model';
import { percent, show, showCost } from './look';

const CELL: CSSProperties = { padding: 'var(--s1) var(--s2)', textAlign: 'right', fontVariantNumeric: 'tabular-nums', borderBottom: '1px solid var(--border)' };
const HEAD: CSSProperties = { ...CELL, textAlign: 'right', fontWeight: 600, color: 'var(--fg)' };

const short = (v: number | null) => (v === null ? 'undefined' : fmt(v, 3));

export function AccuracyTable({ r }: { r: PrResult }) {
  const cols: [string, Operating][] = [
    ['At the threshold', r.current],
    ['Cost-optimal', r.best],
    ['Always “negative”', r.allNegative],
  ];
  const rows: [string, (o: Operating) => string][] = [
    ['Accuracy', (o) => short(o.metrics.accuracy)],
    ['Recall', (o) => short(o.metrics.recall)],
    ['Precision', (o) => short(o.metrics.precision)],
    ['F1', (o) => short(o.metrics.f1)],
    ['MCC', (o) => short(o.metrics.mcc)],
    ['Cost', (o) => showCost(o.cost)],
  ];
  const lazyWins = r.allNegative.metrics.accuracy !== null && r.current.metrics.accuracy !== null && r.allNegative.metrics.accuracy >= r.current.metrics.accuracy;
  return (
    <figure style={{ margin: 'var(--s4) 0 0', minWidth: 0 }}>
      <figcaption style={{ fontSize: 'var(--fs-sm)', fontWeight: 600, margin: '0 0 var(--s1) 0' }}>Accuracy lies when classes are imbalanced</figcaption>
      <div style={{ overflowX: 'auto' }}>
        <table data-testid="accuracy-table" style={{ borderCollapse: 'collapse', fontSize: 'var(--fs-xs)', width: '100%' }}>
          <thead>
            <tr>
              <th scope="col" style={{ ...HEAD, textAlign: 'left' }}>
                Metric
              </th>
              {cols.map(([name]) => (
                <th key={name} scope="col" style={HEAD}>
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([name, get]) => (
              <tr key={name}>
                <th scope="row" style={{ ...CELL, textAlign: 'left', fontWeight: 500 }}>
                  {name}
                </th>
                {cols.map(([c, o]) => (
                  <td key={c} style={CELL}>
                    {get(o)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="ctl-help" style={{ marginTop: 'var(--s2)' }}>
        {r.nPos === 0
          ? 'With no positives at all, "always negative" is perfectly accurate, and tells you nothing.'
          : lazyWins
            ? `Saying "negative" every time scores ${percent(r.allNegative.metrics.accuracy ?? 0)} accuracy, at least as much as this threshold, while finding none of the ${r.nPos} positives.`
            : `Here the threshold beats "always negative" on accuracy, but only by ${show((r.current.metrics.accuracy ?? 0) - (r.allNegative.metrics.accuracy ?? 0))}; lower the share of positives and the lazy rule wins.`}{' '}
        Cost is r·FP + FN with r = {fmt(r.costRatio, 3)}.
      </p>
    </figure>
  );
}
