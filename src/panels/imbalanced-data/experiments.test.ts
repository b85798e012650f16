/**
 * Every number a "Try this" notice quotes, computed by the model at the experiment's params
 * (expectQuoted, lib/panel/quoted.ts), and the claims the notices make in words.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { expectQuoted } from '../../lib/panel/quoted';
import { fitAll, tableAt, type ImbalanceInput, type TableRow } from './model';
import { classCounts } from './resample';
import { EXPERIMENTS } from './experiments';
import { schema } from './params';
import { readSensorRows, SOURCE } from './sensor.vite';
import { decodeSensors, encodeSensors } from './sensorCodec';

const sensors = decodeSensors(encodeSensors(readSensorRows(process.cwd()), SOURCE));
const run = (params: Partial<ImbalanceInput>) => {
  const p: ImbalanceInput = { ...defaults(schema), ...params, sensors: params.data === 'sensors' ? sensors : null };
  const f = fitAll(p);
  const rows = tableAt(f, p.threshold);
  return { p, f, row: (key: string): TableRow => rows.find((r) => r.key === key)! };
};
const exp = (title: string) => {
  const e = EXPERIMENTS.find((x) => x.title === title);
  if (!e) throw new Error(`no experiment "${title}"`);
  return { notice: e.notice, ...run(e.params) };
};

describe('the "Try this" notices', () => {
  it('accuracy rewards ignoring the rare class', () => {
    const { notice, row } = exp('Accuracy rewards ignoring the rare class');
    const none = row('none'), lazy = row('majority'), smote = row('smote');
    expectQuoted(notice, { '1': 'setting', '100': 'setting', '0.5': 'setting', '3': none.counts.tp, '40': none.counts.tp + none.counts.fn, '0.99': lazy.metrics.accuracy!, '32': smote.counts.tp, '0.87': smote.metrics.accuracy! });
    // "no more accurate": equal to the stated two decimals.
    expect(Math.abs(none.metrics.accuracy! - lazy.metrics.accuracy!)).toBeLessThan(0.005);
  });

  it('SMOTE draws between neighbours', () => {
    const { notice, f } = exp('SMOTE draws between neighbours');
    expectQuoted(notice, { '20': classCounts(f.split.train.y)[1], '3': 'setting' });
    expect(f.fits.smote.resampled.smote!.k).toBe(3);
  });

  it('a weight is a number of copies', () => {
    const { notice, row, f } = exp('A weight is a number of copies');
    expectQuoted(notice, { '0.765': row('weights').metrics.recall!, '0.755': row('oversample').metrics.recall! });
    // "nearly the same boundary": the two models label at least 98 % of the test points alike.
    const w = f.fits.weights.scores, o = f.fits.oversample.scores;
    let same = 0;
    for (let i = 0; i < w.length; i++) if (w[i] >= 0.5 === o[i] >= 0.5) same++;
    expect(same / w.length).toBeGreaterThan(0.98);
  });

  it('or just lower the threshold', () => {
    const { notice, row, f, p } = exp('Or just lower the threshold');
    const none = row('none');
    const weighted = tableAt(f, 0.5).find((r) => r.key === 'weights')!;
    expectQuoted(notice, { '0.05': 'setting', '153': none.counts.tp, '200': none.counts.tp + none.counts.fn, '0.5': 'setting', '0.493': none.ap!, '0.491': weighted.ap! });
    expect(p.threshold).toBe(0.05);
    expect(weighted.counts.tp).toBe(none.counts.tp); // "as class weights do"
    expect(Math.abs(weighted.metrics.precision! - none.metrics.precision!)).toBeLessThan(0.02); // "about the same precision"
  });

  it('Tomek links only trim the border', () => {
    const { notice, row, f } = exp('Tomek links only trim the border');
    const removed = f.fits.tomek.resampled.removed.length;
    expectQuoted(notice, { '29': removed, '0.5': 'setting', '0.015': row('none').metrics.recall!, '0.035': row('tomek').metrics.recall! });
    expect(removed).toBeLessThan(0.05 * classCounts(f.split.train.y)[0]); // "the balance hardly moves"
  });

  it('undersampling throws data away', () => {
    const { notice, row } = exp('Undersampling throws data away');
    const t = row('undersample').train;
    expect(t[0]).toBe(t[1]);
    expectQuoted(notice, { '1': 'setting', '200': 'setting', '5': t[0] });
  });

  it('real events, unseen sensors', () => {
    const { notice, row, f } = exp('Real events, unseen sensors');
    expect(f.split.source).toBe('sensors');
    const none = row('none'), w = row('weights');
    expectQuoted(notice, { '29': none.counts.tp, '32': none.counts.tp + none.counts.fn, '85': w.counts.fp });
    expect(none.counts.fp).toBe(0); // "with no false alarm"
    expect(w.counts.fn).toBe(0); // "find all 32"
  });

  it('every experiment is checked above', () => {
    expect(EXPERIMENTS.map((e) => e.title)).toEqual([
      'Accuracy rewards ignoring the rare class',
      'SMOTE draws between neighbours',
      'A weight is a number of copies',
      'Or just lower the threshold',
      'Tomek links only trim the border',
      'Undersampling throws data away',
      'Real events, unseen sensors',
    ]);
  });
});
