/**
 * Step 4: each preprocessing decision with the option taken and its alternative, scored by
 * cross-validation with the model carried forward at its default, so the effect of every choice
 * on the validation score is one row. The option buttons set the choice.
 */
import { memo } from 'react';
import type { PrepChoice } from './model';
import { pct } from './look';

const DECISION: Record<PrepChoice['key'], string> = {
  impute: 'Fill missing numbers with',
  scale: 'Scale numeric columns',
  encode: 'Encode categories',
  prepFit: 'Fit imputer and scaler on',
};

const OPTION: Record<string, string> = {
  median: 'median',
  mean: 'mean',
  standard: 'standardise',
  none: 'no scaling',
  onehot: 'one-hot',
  ordinal: 'ordinal codes',
  train: 'training rows',
  all: 'all rows (wrong)',
};

export const PrepTable = memo(function PrepTable({ choices, model, onPick }: { choices: PrepChoice[]; model: string; onPick: (key: PrepChoice['key'], option: string) => void }) {
  const keys = [...new Set(choices.map((c) => c.key))];
  return (
    <figure className="wf-figure">
      <figcaption className="wf-caption">Each decision and its effect: {model} at its default, cross-validated accuracy</figcaption>
      <div className="table-scroll">
        <table className="num-table" data-testid="wf-prep">
          <thead>
            <tr>
              <th scope="col">decision</th>
              <th scope="col">option</th>
              <th scope="col">validation accuracy</th>
              <th scope="col">training accuracy</th>
            </tr>
          </thead>
          <tbody>
            {keys.flatMap((key) =>
              choices
                .filter((c) => c.key === key)
                .map((c, i) => (
                  <tr key={`${key}-${c.option}`} className={c.chosen ? 'wf-chosen' : undefined} data-testid={`prep-${key}-${c.option}`}>
                    {i === 0 ? <th scope="row" rowSpan={2}>{DECISION[key]}</th> : null}
                    <td>
                      <button type="button" className="wf-pick" aria-pressed={c.chosen} onClick={() => onPick(key, c.option)}>
                        {OPTION[c.option] ?? c.option}
                      </button>
                    </td>
                    <td>{pct(c.cv.mean)} ± {pct(c.cv.sd)}</td>
                    <td>{pct(c.cv.train)}</td>
                  </tr>
                )),
            )}
          </tbody>
        </table>
      </div>
    </figure>
  );
});
