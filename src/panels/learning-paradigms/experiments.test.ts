/**
 * Every number a "Try this" text quotes (title and notice), checked against the model at that
 * experiment's state (issue 16) with the same functions the panel's worker runs. Float64 JS,
 * seeded: the same numbers on every machine, compared to the precision written.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { expectQuoted, type Fact } from '../../lib/panel/quoted';
import panel from './panel';
import { dataOf, RlRun, rlConfigOf, semiRun, semiView, supervised, unsupervised } from './model';
import { schema, type LpParams } from './params';

type Facts = Record<string, Fact>;

const CHECKS: Record<string, (p: LpParams) => Facts> = {
  'Hide the labels: clusters are not classes': (p) => {
    const r = unsupervised({ ...dataOf(p), clusters: p.clusters, eps: p.eps, minPts: p.minPts });
    expect(p.dataset).toBe('moons');
    return { '2': p.clusters, '0.25': r.km.ari, '0.99': r.db.ari };
  },
  'Six labels, spread along the moons': (p) => {
    const r = semiRun({ ...dataOf(p), labelled: p.labelled, method: p.method, gamma: p.gamma, alpha: p.alpha });
    const v = semiView(r, p.iter);
    expect(v.labelled.length).toBe(6);
    expect(v.iter).toBe(r.nIter); // the link's iteration is past the end: the end is shown
    return { '1.000': v.acc[v.iter], '0.835': r.baseline };
  },
  'A straight line cannot draw a ring': (p) => {
    const lr = supervised({ ...dataOf(p), clf: p.clf, k: p.k });
    const knn = supervised({ ...dataOf(p), clf: 'knn', k: p.k });
    return { '0.53': lr.testAcc, '0.99': knn.testAcc };
  },
  'Walk along the cliff': (p) => {
    const v = new RlRun(rlConfigOf(p)).view({ episode: p.episode, move: p.move });
    // "runs along the cliff edge": from the start the greedy path goes up once, then right along row 3.
    expect(v.greedyReturn).toBeCloseTo(v.optimalReturn!, 12);
    // "still falls in now and then": some late episodes end in a pit (return below −1 + a few moves).
    expect(Array.from(v.returns.slice(-100)).some((r) => r < -0.5)).toBe(true);
    return { '300': p.episode, '0.68': v.greedyReturn! };
  },
};

describe('learning-paradigms: the numbers the "Try this" texts quote', () => {
  for (const ex of panel.experiments) {
    it(ex.title, () => {
      const p: LpParams = { ...defaults(schema), ...ex.params };
      expectQuoted(`${ex.title}. ${ex.notice}`, CHECKS[ex.title]?.(p) ?? {});
    }, 60_000);
  }
});
