/**
 * The worker's jobs (jobs.ts): what they keep between calls changes no result. A run of the
 * label-spreading job that reuses the kept points and label graph (the labelled and α sliders)
 * equals a fresh uncached run to the bit; every mode's job is its model's result.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { createJobs } from './jobs';
import { dataOf, RlRun, rlConfigOf, semiRun, semiView, supervised, unsupervised, type SemiInput } from './model';
import { schema, type LpParams } from './params';

const P = (over: Partial<LpParams> = {}): LpParams => ({ ...defaults(schema), n: 60, ...over });
const semiIn = (p: LpParams): SemiInput => ({ ...dataOf(p), labelled: p.labelled, method: p.method, gamma: p.gamma, alpha: p.alpha });

describe('worker jobs', () => {
  it('label spreading: a sequence of slider moves (graph and points kept) gives what fresh runs give', () => {
    const jobs = createJobs();
    // Labelled and α move on the same graph; γ and the method need new ones; going back finds the old.
    const steps: Partial<LpParams>[] = [
      {}, { labelled: 7 }, { labelled: 12, iter: 3 }, { gamma: 20 }, { gamma: 20, labelled: 3 }, { method: 'spreading', alpha: 0.5 },
      { method: 'spreading', alpha: 0.9 }, { method: 'spreading', alpha: 0.9, labelled: 9 }, { labelled: 7 }, { noise: 0.2 }, { dataset: 'blobs', labelled: 5 }, {},
    ];
    let off = 0;
    for (const over of steps) {
      const p = P(over);
      const got = jobs.semi({ config: semiIn(p), iter: p.iter });
      const want = semiView(semiRun(semiIn(p)), p.iter);
      try {
        expect(got).toEqual(want);
      } catch {
        off++;
      }
    }
    expect(off).toBe(0);
  });

  it('the other modes: the model’s result; Q-learning forward and back as a fresh run', () => {
    const jobs = createJobs();
    const p = P({ n: 40 });
    expect(jobs.supervised({ ...dataOf(p), clf: 'knn', k: 3 })).toEqual(supervised({ ...dataOf(p), clf: 'knn', k: 3 }));
    expect(jobs.unsupervised({ ...dataOf(p), clusters: 3, eps: 0.3, minPts: 4 })).toEqual(unsupervised({ ...dataOf(p), clusters: 3, eps: 0.3, minPts: 4 }));
    const config = rlConfigOf(p);
    for (const target of [{ episode: 5, move: 0 }, { episode: 8, move: 2 }, { episode: 3, move: 1 }])
      expect(jobs.rl({ config, target })).toEqual(new RlRun(config).view(target));
  });
});
