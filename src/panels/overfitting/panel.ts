import { definePanel } from '../../lib/panel/types';
import { store } from './store';
import { Explanation } from './Explanation';
import { OverfittingView } from './OverfittingView';
import { interview } from './interview';

export default definePanel({
  store,
  usesTf: true,
  Explanation,
  View: OverfittingView,
  interview,
  experiments: [
    {
      title: 'Memorise 20 points',
      params: { n: 20, width: 16, depth: 3, epoch: 1500 },
      notice:
        'The training loss ends near zero while the validation loss climbs past where it started, and the validation accuracy falls too, from 86% at the best epoch (★) to 70%: worse decisions, not only over-confidence. That epoch came early; what training did after it fitted noise.',
    },
    {
      title: 'Regularised against plain, side by side',
      params: { dropout: 0.2, useL2: true, l2: 0.005, compare: 'plain', epoch: 1500 },
      notice:
        'Same data, same starting weights: B, unregularised, drives its training loss to zero and its validation loss past 1.7; A, with dropout and weight decay, keeps both under 0.35 and its boundary smooth.',
    },
    {
      title: 'More data closes the gap',
      params: { compare: 'more', epoch: 1500 },
      notice: 'With 120 instead of 30 points the same network still fits its training set, but its validation loss ends at less than half of A’s.',
    },
    {
      title: 'Stop at the best epoch',
      params: { earlyStop: true, patience: 50, epoch: 1500 },
      notice: 'Training ends 50 epochs after the lowest validation loss and the boundary goes back to the weights from that epoch.',
    },
    {
      title: 'Weight decay shrinks the weights',
      params: { useL2: true, l2: 0.01, compare: 'plain', epoch: 1000 },
      notice: 'Compare Σw² in the readout: A’s stays around 30, B’s grows past 400 as its boundary sharpens around every noisy point.',
    },
    {
      title: 'TensorFlow Playground’s default network',
      params: { dataset: 'circles', noise: 0, n: 250, width: 4, depth: 2, taper: true, lr: 0.03, epoch: 500 },
      notice: 'A 2 → 4 → 2 → 1 network separates the ring from the circle within a couple of hundred epochs: with clean data there is nothing to overfit.',
    },
    {
      title: 'Playground’s deep spiral: 6 layers of 8, 7 features',
      params: { dataset: 'spiral', noise: 0.05, n: 250, width: 8, depth: 6, features: 'poly', lr: 0.01, epoch: 1000 },
      notice: 'The largest network the Playground offers, on its hardest data set: by epoch 1000 it gets 99.6% of the training points right but only 92% of the validation points (and Adam’s occasional overshoot shows as spikes in both curves).',
    },
  ],
});
