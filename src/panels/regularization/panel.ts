import { definePanel } from '../../lib/panel/types';
import { store } from './store';
import { Explanation } from './Explanation';
import { RegularizationView } from './RegularizationView';
import { interview } from './interview';

export default definePanel({
  store,
  usesTf: false,
  Explanation,
  View: RegularizationView,
  interview,
  experiments: [
    {
      title: 'Ridge shrinks, lasso zeroes',
      params: { penalty: 'l2', lambda: 1 },
      notice:
        'Ridge pulls the weights as a whole towards 0 (‖w‖₂ falls as λ grows) and none reaches it: the non-zero count stays at 20 at every λ. Single lines need not shrink steadily: features correlated in the sample trade weight, so some grow or cross 0 on the way. Switch the penalty to L1 and the lines stop dead at exactly 0, one by one.',
    },
    {
      title: 'Lasso keeps one of a correlated group',
      params: { p: 10, n: 40, k: 3, noise: 1.5, rho: 0.99, seed: 9, lambda: 1 },
      notice: 'Features 1–3 are near copies with equal true weights, yet the lasso keeps only w₂ (about 3.1, standing in for the whole group); in the two-weight picture the contour meets the diamond at a corner on the w₂ axis.',
    },
    {
      title: 'Elastic net keeps the group',
      params: { p: 10, n: 40, k: 3, noise: 1.5, rho: 0.99, seed: 9, lambda: 1, penalty: 'elasticnet', mix: 0.3 },
      notice:
        'Same data and λ: the elastic-net ball keeps its corners on the axes, but the L2 part bulges its edges outwards (strictly convex), so the three correlated weights come in together at about 1 each instead of one taking all.',
    },
    {
      title: 'Past λ_max everything is zero',
      params: { lambda: 10 },
      notice: 'Above λ_max = max|xⱼᵀ(y − ȳ)|/n no weight can pay for its penalty: all are exactly 0 and the model predicts the mean of y.',
    },
    {
      title: 'More features than samples',
      params: { p: 60, n: 20, noise: 0.5, lambda: 0.1 },
      notice: '60 features, 20 samples, 5 that matter: the lasso keeps all 5 among 13 and its test error (≈ 0.5) is far below what ridge reaches at any λ (≈ 7.4). Switch the penalty and compare.',
    },
    {
      title: 'Ridge at λ → 0 with p > n',
      params: { p: 60, n: 20, noise: 0.5, penalty: 'l2', lambda: 0.0001 },
      notice: 'Training error is about 0 (the minimum-norm fit through every point) while test error is about 30 times the noise variance: without a penalty the problem is ill-posed, and with a sparse truth no amount of ridge rescues it.',
    },
  ],
});
