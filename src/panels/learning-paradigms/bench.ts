/**
 * Learning-paradigms figures for `npm run bench`: what the worker computes for each mode at the
 * default and at the largest settings (400 points; 1000 Q-learning episodes), and the player's
 * step cost (a cached label-spreading iteration; one more Q-learning episode).
 */
import { timeIt, timingRows, type BenchRow } from '../../lib/bench/measure';
import { defaults } from '../../lib/params/schema';
import { dataOf, RlRun, rlConfigOf, semiRun, semiView, supervised, unsupervised } from './model';
import { MAX_EPISODES, schema, type LpParams } from './params';

const semiIn = (p: LpParams) => ({ ...dataOf(p), labelled: p.labelled, method: p.method, gamma: p.gamma, alpha: p.alpha });

export async function bench(): Promise<BenchRow[]> {
  const d = defaults(schema);
  const big: LpParams = { ...d, n: 400 };
  const rows: BenchRow[] = [];
  const run = semiRun(semiIn(d));
  let ep = d.episode;
  const rl = new RlRun(rlConfigOf(d));
  const cases: [string, () => unknown, number][] = [
    ['supervised, k-NN map 100 × 100, 200 points', () => supervised({ ...dataOf(d), clf: 'knn', k: d.k }), 10],
    ['supervised, k-NN map 100 × 100, 400 points', () => supervised({ ...dataOf(big), clf: 'knn', k: d.k }), 5],
    ['supervised, logistic map, 400 points', () => supervised({ ...dataOf(big), clf: 'logistic', k: d.k }), 5],
    ['unsupervised, k-means + DBSCAN, 400 points', () => unsupervised({ ...dataOf(big), clusters: 2, eps: d.eps, minPts: d.minPts }), 10],
    ['semi-supervised, label propagation to the end, 200 points', () => semiRun(semiIn(d)), 3],
    ['semi-supervised, label propagation to the end, 400 points', () => semiRun(semiIn(big)), 2],
    ['semi-supervised, one player step (cached run)', () => semiView(run, 41), 50],
    ['Q-learning, 1000 episodes from scratch', () => new RlRun(rlConfigOf(d)).view({ episode: MAX_EPISODES, move: 0 }), 5],
    ['Q-learning, one player step (one more episode)', () => rl.view({ episode: ++ep, move: 0 }), 50],
  ];
  for (const [label, fn, runs] of cases) rows.push(...timingRows(`compute, ${label}`, await timeIt(fn, runs, 1), 'float64 JS (in the worker on the page)'));
  return rows;
}
