import { definePanel } from '../../lib/panel/types';
import { store } from './store';
import { Explanation } from './Explanation';
import { KMeansView } from './KMeansView';
import { interview } from './interview';

export default definePanel({
  store,
  usesTf: true,
  Explanation,
  View: KMeansView,
  interview,
  experiments: [
    {
      title: 'A bad random start',
      params: { init: 'random', step: 31 },
      notice:
        'Same data as the default, but four random points as the start: two begin in one blob, and the run converges (iteration 16) with one centre shared by two blobs and one blob split in two. Inertia ends near 2,210, against 675 from the k-means++ start.',
    },
    {
      title: 'Outliers attract k-means++',
      params: { dataset: 'outliers', seed: 31, step: -2 },
      notice:
        'D² sampling favours far points, so centre 2 lands on an outlier, and so will centre 3. Play on: two centres end up holding nothing but outliers (12 and 11 of them) while the four blobs share the other two.',
    },
    {
      title: 'Stretched clusters',
      params: { dataset: 'aniso', groups: 3, k: 3, step: 200 },
      notice:
        'Three long parallel stripes, K = 3: the final clusters cut across the stripes, because a Voronoi cell is convex and inertia rewards round, compact groups, not the stripes we see.',
    },
    {
      title: 'Two moons, K = 2',
      params: { dataset: 'moons', k: 2, step: 200 },
      notice: 'The border between two centres is a straight line, so each cluster takes a moon’s tip from the other: no start can fix that.',
    },
    {
      title: 'Uneven sizes',
      params: { dataset: 'uneven', groups: 3, k: 3, step: 200 },
      notice:
        'The wide group holds 68% of the points: k-means splits it in two and merges the smallest group with part of it, since that lowers inertia more than finding the true groups.',
    },
    {
      title: 'Read K off the elbow',
      params: { groups: 6, k: 6, step: 200 },
      notice: 'Six blobs: inertia falls steeply up to K = 6 and hardly after (the elbow), and the mean silhouette peaks at K = 6.',
    },
    {
      title: '100,000 points, mini-batch',
      params: { n: 100_000, variant: 'minibatch', batch: 256, step: 40 },
      notice:
        'Each update uses 256 random points, so inertia (on all points) rose at 5 of the first 20 updates, yet at iteration 20 it is within 0.2% of Lloyd’s converged value (71,314). Press play: each step still assigns all 100,000 points in tfjs.',
    },
  ],
});
