import { definePanel } from '../../lib/panel/types';
import { store } from './store';
import { Explanation } from './Explanation';
import { CrossValidationView } from './CrossValidationView';
import { interview } from './interview';

export default definePanel({
  store,
  usesTf: false,
  Explanation,
  View: CrossValidationView,
  interview,
  experiments: [
    {
      title: 'One split is a lottery',
      params: { repeats: 200 },
      notice:
        'Over 200 shuffles of the same 30 samples, one held-out fold scores anywhere from 0.33 to 1 (sd ≈ 0.14); the 5-fold means have sd ≈ 0.04. Both measure only how the split moves the score on these samples; how far the true accuracy may be from it is larger, about 0.07 (a binomial sd over 30 test predictions).',
    },
    {
      title: '94 % accuracy on pure noise',
      params: { features: 2000, keep: 10 },
      notice: 'Picking the 10 of 2000 noise features most correlated with coin-flip labels before splitting scores about 0.94; picking them inside each training fold scores about 0.5, the truth.',
    },
    {
      title: 'Split by patient, not by row',
      params: { leak: 'groups', groupEffect: 1, scheme: 'group' },
      notice: 'Shuffled k-fold puts samples of one group on both sides and scores about 0.85; group k-fold scores about 0.77, much closer to the 0.73 that new groups really get.',
    },
    {
      title: 'Stratify a rare class',
      params: { scheme: 'stratified', balance: 0.15 },
      notice: 'Class 1 grows more common over time, so in-order k-fold tests hold 0 to 3 of its 7 samples; stratified folds hold 1 or 2 each, and their scores vary less.',
    },
    {
      title: 'Never train on the future',
      params: { scheme: 'timeseries', gap: 2 },
      notice: 'Each split trains only on samples before its test window, minus a gap of 2; the first trains on just 3 samples, two of them class 1, predicts class 1 and scores 0 on a window of class 0.',
    },
    {
      title: 'Tune k with the one-standard-error rule',
      params: { scheme: 'stratified', n: 60, folds: 10 },
      notice: 'The best mean (0.867) is first reached at k = 11, and every larger k is within one standard error of it, so the one-SE rule picks the smoothest model, k = 25.',
    },
    {
      title: 'Leave-one-out: n folds of one',
      params: { scheme: 'loo' },
      notice:
        'Each of the 30 splits tests one sample, so every fold scores 0 or 1: the sd across folds (0.38) describes single predictions, not the mean. Divided by √30 it gives an SE of about 0.07, which, like every fold-based SE, ignores that the 30 training sets are almost the same.',
    },
  ],
});
