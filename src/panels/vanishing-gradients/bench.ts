/**
 * Vanishing-gradients figures for `npm run bench`: the time of one training step (tfjs forward and
 * backward pass, read-back, statistics, update) at depth 10, 30 and 50, and the replay a default
 * link needs (three networks to step 50).
 */
import { timeIt, timingRows, type BenchRow } from '../../lib/bench/measure';
import { defaults } from '../../lib/params/schema';
import { schema } from './params';
import { makeTask, type NetConfig } from './setup';
import { Session, Trainer } from './train';

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const data = makeTask('wave', 1);
  const nets: [string, Omit<NetConfig, 'depth'>][] = [
    ['sigmoid', { width: 16, activation: 'sigmoid', init: 'naive', naiveStd: 1, batchNorm: false, residual: 'off' }],
    ['ReLU + batch norm', { width: 16, activation: 'relu', init: 'he', naiveStd: 1, batchNorm: true, residual: 'off' }],
  ];
  for (const depth of [10, 30, 50])
    for (const [name, net] of nets) {
      const tr = new Trainer({ ...net, depth }, { optimizer: 'sgd', lr: 1e-3, clipNorm: null }, data, 1);
      const t = await timeIt(() => tr.advance(), 20, 3);
      rows.push(...timingRows(`training step, depth ${depth}, width 16, ${name}`, t, '128 points, full batch'));
    }
  const p = defaults(schema);
  const replay = await timeIt(
    () => {
      const s = new Session(p);
      s.work(p.step, Infinity);
    },
    3,
    1,
  );
  rows.push(...timingRows('replay of the default link (3 networks of depth 20 to step 50)', replay));
  return rows;
}
