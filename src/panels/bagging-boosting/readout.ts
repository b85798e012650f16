/** The readout rows: the round, each ensemble's errors at that round, and what produced them. */
import type { ReadoutRow } from '../../lib/controls/Readout';
import { fmt } from '../../lib/format/format';
import type { Frame } from './compute';
import { ADA, BAG, GB, dataPhrase, depthText, pct, rate } from './look';
import { MAX_ROUNDS, type BBParams } from './params';

const signed = (v: number) => (v === 0 ? '0' : `${v > 0 ? '+' : '−'}${fmt(Math.abs(v), 3)}`);

export function readoutRows(f: Frame, p: BBParams): ReadoutRow[] {
  const b = f.shown.bag;
  const a = f.shown.ada;
  const g = f.regShown;
  const n = f.cls.y.length;
  const stop = f.cls.adaStop;
  const rows: ReadoutRow[] = [
    { label: 'Round', value: `${f.round} of ${MAX_ROUNDS}`, testId: 'ro-step' },
    { label: 'Bagging error, train · test', value: `${rate(b.trainError)} · ${rate(b.testError)}`, testId: 'ro-bag', color: BAG },
    {
      label: `Tree ${f.round}’s sample`,
      value: f.input.bootstrap ? `${b.unique} distinct of ${n} points (${pct(b.unique / n)})` : `all ${n} points once (no bootstrap)`,
      testId: 'ro-bag-sample',
    },
    { label: 'AdaBoost error, train · test', value: a ? `${rate(a.trainError)} · ${rate(a.testError)}` : '— (no learner)', testId: 'ro-ada', color: ADA },
    {
      label: a ? `Learner ${a.learner}: weighted error · α` : 'AdaBoost learner',
      value: a ? `${fmt(a.error, 4)} · ${fmt(a.alpha, 4)}` : 'none better than chance',
      testId: 'ro-alpha',
    },
  ];
  if (stop)
    rows.push({
      label: 'AdaBoost stopped',
      value: `after round ${stop.after}: ${stop.reason === 'perfect' ? 'a perfect learner' : 'the best learner was no better than chance'}`,
      testId: 'ro-ada-stop',
    });
  rows.push(
    { label: 'Gradient boosting MSE, train · test', value: `${fmt(g.trainMse, 4)} · ${fmt(g.testMse, 4)}`, testId: 'ro-gb', color: GB },
    { label: `Training MSE change in round ${g.round}`, value: signed(g.trainMse - g.prevTrainMse), testId: 'ro-gb-change' },
    { label: 'Data', value: `${dataPhrase(p)} · seed ${p.seed}`, testId: 'ro-data' },
    { label: 'Weak learner', value: `${depthText(p.depth)} · ν = ${fmt(p.lr, 2)}`, testId: 'ro-learner' },
  );
  return rows;
}
