/** The readout answers every control: the e2e walk presses each slider and expects new text. */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { runStudy } from './model';
import { METHODS, schema, type MissingParams } from './params';
import { readoutRows } from './readout';
import { pm } from './look';

const text = (p: MissingParams) => readoutRows(p, runStudy(p)).map((r) => `${r.label}: ${r.value}`).join('\n');

describe('readout', () => {
  // Small studies: the rows, not the statistics, are under test.
  const base: MissingParams = { ...defaults(schema), n: 60, draws: 10 };

  it.each(METHODS)('with %s shown, changing k changes the readout', (method) => {
    const p = { ...base, method };
    expect(text({ ...p, k: 9 })).not.toBe(text({ ...p, k: 3 }));
  });

  it('the k-NN row quotes k-NN’s own correlation; k-NN shown names its k instead of repeating it', () => {
    const p = { ...base, k: 7 };
    const r = runStudy(p);
    const knn = r.rows.find((x) => x.key === 'knn')!;
    const row = readoutRows(p, r).find((x) => x.testId === 'ro-knn')!;
    expect(row.label).toBe('k-NN with k = 7: corr(x, y)');
    expect(row.value).toBe(pm(knn.corr.mean, knn.corr.sd));
    const shown = readoutRows({ ...p, method: 'knn' }, r);
    expect(shown.find((x) => x.testId === 'ro-knn')).toBeUndefined();
    expect(shown.find((x) => x.testId === 'ro-method')!.value).toBe('k-NN (k = 7)');
  });
});
