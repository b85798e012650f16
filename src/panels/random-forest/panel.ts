import { definePanel } from '../../lib/panel/types';
import { store } from './store';
import { Explanation } from './Explanation';
import { RandomForestView } from './RandomForestView';
import { interview } from './interview';

export default definePanel({
  store,
  usesTf: false,
  Explanation,
  View: RandomForestView,
  interview,
  experiments: [
    {
      title: 'One tree against the forest',
      params: { trees: 200, jitter: 0.35 },
      notice: 'One deep tree alone errs on 0.18 of fresh points on average; the 200-tree forest errs on 0.12. Its out-of-bag error, 0.16, estimates this from the training points alone, a little high: each point is scored by only about a third of the trees.',
    },
    {
      title: 'Noise features steal impurity importance',
      params: { noise: 10, features: '1' },
      notice: 'With one feature drawn per split, the 10 noise columns take 0.63 of the impurity importance, yet shuffling any one of them moves the test accuracy by less than 0.02: permutation importance says they do not matter.',
    },
    {
      title: 'Averaging cannot fix bias',
      params: { dataset: 'xor', depth: 1, trees: 200 },
      notice: '200 stumps (depth 1) err on 0.51 of fresh XOR points, no better than a coin: a split on one coordinate sees no signal in XOR, and averaging stumps cannot add the interaction. Depth 2 brings it to 0.34.',
    },
    {
      title: 'No randomness, no forest',
      params: { bootstrap: false, features: 'all' },
      notice: 'With every point and every feature at every split, all 100 trees come out the same: the forest errs on 0.122 of fresh points, exactly as one tree does, and there is no out-of-bag error.',
    },
  ],
});
