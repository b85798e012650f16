/** Own CSV data reach the overfitting panel's training and validation sets. */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../lib/data/csv';
import { ownDataParam } from '../../lib/data/ownData';
import { defaults } from '../../lib/params/schema';
import { OWN_KEY, OWN_REQUEST, ownSplit } from './data';
import { dataFor, specA, specB, trainRun } from './model';
import { schema, type OverfitParams } from './params';

function load(text: string): string {
  const r = parseCsv(text, OWN_REQUEST);
  if (!r.ok) throw new Error(r.message);
  return ownDataParam(OWN_KEY, r.data.columns);
}
// Two clusters: class 1 right (x1 in 20…29), class 0 left (x1 in 0…9); x2 from 100 to 119.
const TEXT = 'x1,x2,label\n' + Array.from({ length: 20 }, (_, i) => `${i % 2 ? 20 + (i >> 1) : i >> 1},${100 + i},${i % 2 ? 'yes' : 'no'}`).join('\n');

describe('overfitting on own CSV data', () => {
  it('rows are scaled onto ±1.5 and split 14 / 6, each row once, labels kept', () => {
    const csv = load(TEXT);
    const o = ownSplit(csv, 5);
    if (typeof o === 'string') throw new Error(o);
    expect([o.pool.n, o.val.n]).toEqual([14, 6]);
    const all = [...Array.from({ length: 14 }, (_, k) => [o.pool.x[2 * k], o.pool.x[2 * k + 1], o.pool.y[k]]), ...Array.from({ length: 6 }, (_, k) => [o.val.x[2 * k], o.val.x[2 * k + 1], o.val.y[k]])];
    // Row i: x1 → 1.5·(2·x1/29 − 1), x2 → 1.5·(2·(x2 − 100)/19 − 1), label yes → 1.
    const want = Array.from({ length: 20 }, (_, i) => [1.5 * ((2 * (i % 2 ? 20 + (i >> 1) : i >> 1)) / 29 - 1), 1.5 * ((2 * i) / 19 - 1), i % 2]);
    const key = (r: number[]) => r.map((v) => v.toFixed(9)).join(',');
    expect(all.map(key).sort()).toEqual(want.map(key).sort());
  });
  it('the training run uses them: n capped at the training part, validation = held-out rows; a separable set is learnt', () => {
    const csv = load(TEXT);
    const p = { ...defaults(schema), dataset: 'csv', csv, n: 200, seed: 5, lr: 0.05 } as OverfitParams;
    const s = specA(p);
    expect(s.n).toBe(14);
    const d = dataFor(s);
    expect([d.train.n, d.val.n]).toEqual([14, 6]);
    expect(specB({ ...p, n: 3, compare: 'more' })!.n).toBe(12);
    const run = trainRun(s, 300);
    const k = run.shown;
    expect(run.hist.trainAcc[k]).toBe(1);
    expect(run.hist.valAcc[k]).toBe(1);
  });
  it('no data, or too few rows: a message (the moons are used)', () => {
    expect(ownSplit('', 1)).toMatch(/No CSV data loaded yet/);
    expect(ownSplit(load('x1,x2,label\n1,2,0\n2,3,1\n'), 1)).toMatch(/at least 10/);
    const s = specA({ ...defaults(schema), dataset: 'csv', csv: '' } as OverfitParams);
    expect(dataFor(s).val.n).toBe(300);
  });
});
