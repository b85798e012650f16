import { definePanel } from '../../lib/panel/types';
import { store } from './store';
import { Explanation } from './Explanation';
import { LearningParadigmsView } from './LearningParadigmsView';
import { interview } from './interview';

export default definePanel({
  store,
  usesTf: false,
  Explanation,
  View: LearningParadigmsView,
  interview,
  experiments: [
    {
      title: 'Hide the labels: clusters are not classes',
      params: { mode: 'unsupervised' },
      notice: 'k-means with k = 2 cuts the two moons with a straight line (adjusted Rand index 0.25); DBSCAN follows each moon from neighbour to neighbour (0.99).',
    },
    {
      title: 'Six labels, spread along the moons',
      params: { mode: 'semi', iter: 1000 },
      notice: 'Label propagation ends with every hidden point right (accuracy 1.000), where the nearest labelled point alone gets 0.835: the unlabelled points show where each moon runs.',
    },
    {
      title: 'A straight line cannot draw a ring',
      params: { mode: 'supervised', dataset: 'circles', clf: 'logistic' },
      notice: 'With every label given, logistic regression on the raw coordinates scores 0.53 on fresh points, no better than a coin; switch to k nearest neighbours and it is 0.99.',
    },
    {
      title: 'Walk along the cliff',
      params: { mode: 'reinforcement', grid: '........-........-........-sppppppg', episode: 300 },
      notice: 'After 300 episodes the greedy path runs along the cliff edge and collects the optimal 0.68, yet the exploring agent still falls in now and then: Q-learning learns the best policy while acting otherwise.',
    },
  ],
});
