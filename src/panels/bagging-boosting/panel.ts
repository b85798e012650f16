import { definePanel } from '../../lib/panel/types';
import { store } from './store';
import { Explanation } from './Explanation';
import { BaggingBoostingView } from './BaggingBoostingView';
import { interview } from './interview';

export default definePanel({
  store,
  usesTf: false,
  Explanation,
  View: BaggingBoostingView,
  interview,
  experiments: [
    {
      title: 'Averaging stumps keeps their bias',
      params: { round: 200 },
      notice:
        'At round 200 the bagged stumps still misclassify 0.147 of the training points (one stump: 0.167), while AdaBoost’s stumps misclassify 0.007: averaging copies of a biased learner leaves the bias, boosting adds them up into a staircase that follows the moons.',
    },
    {
      title: 'Bagging cuts variance',
      params: { dataset: 'circles', n: 80, noise: 0.2, depth: 3, round: 200 },
      notice:
        'One depth-3 tree misclassifies 0.248 of the test points; the average of 200 trees grown on bootstrap samples misclassifies 0.151, because each tree errs in its own way and the vote cancels much of it.',
    },
    {
      title: 'Stumps cannot learn XOR',
      params: { dataset: 'xor', noise: 0.1, round: 200 },
      notice:
        'A vote of stumps is a step function of x₁ plus one of x₂, and no such sum separates the quadrants: AdaBoost’s test error is still 0.44 at round 200. Set the depth to 2, so one tree can split on both, and it falls to 0.12.',
    },
    {
      title: 'AdaBoost chases noise',
      params: { noise: 0.5, round: 200 },
      notice:
        'AdaBoost’s training error falls to 0.073, but its test error was lowest (0.173) at round 17 and is 0.216 at round 200: the weights pile onto points that lie on the wrong side of the true boundary.',
    },
    {
      title: 'Bagging without resampling',
      params: { bootstrap: false, depth: 3, round: 50 },
      notice: 'Every tree sees the same points, so every tree is the same tree: the bagging curves are flat, since averaging identical copies removes nothing.',
    },
    {
      title: 'Shrinkage',
      params: { depth: 3, lr: 1, round: 200 },
      notice:
        'With ν = 1, depth-3 trees drive the training MSE to 0.000 by round 200, yet the test MSE was lowest after the first tree (0.112) and ends at 0.213. At ν = 0.05 the test MSE bottoms out at 0.100 (round 72), near the noise variance 0.09.',
    },
  ],
});
