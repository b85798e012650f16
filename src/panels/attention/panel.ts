import { definePanel } from '../../lib/panel/types';
import { store } from './store';
import { Explanation } from './Explanation';
import { AttentionView } from './AttentionView';
import { interview } from './interview';

export default definePanel({
  store,
  // Only the trained mode runs tfjs (its view is a separate chunk); the mechanics are float64 JS.
  usesTf: (p) => (p.mode === 'trained' ? 'worker' : false),
  Explanation,
  View: AttentionView,
  interview,
  experiments: [
    {
      title: 'Switch off the scaling at d_k = 128',
      params: { dk: 128, scale: false },
      notice: 'The scores now spread with a standard deviation near 15, so most rows of weights are almost one-hot: mean entropy 0.37 nats, against 1.93 with scaling.',
    },
    {
      title: 'Mask the future',
      params: { causal: true },
      notice: 'The upper triangle is empty, the first token can only attend to itself (weight 1), and the k-th row can spread over k keys at most, so its entropy is at most ln k.',
    },
    {
      title: 'Repeated words without positions',
      params: { sentence: 'repeat', positions: false },
      notice: 'Every “dog” has the same query and key, so their rows and columns are identical: without position encodings attention cannot tell word order.',
    },
    {
      title: 'One number per query and key',
      params: { dk: 1 },
      notice: 'With d_k = 1 the score is a product of two numbers, so every query with a positive number ranks the keys the same way, and every negative one in reverse.',
    },
    {
      title: 'Watch a model learn to reverse',
      params: { mode: 'trained', step: 100 },
      notice: 'By step 100 the map is an anti-diagonal and nearly every digit is right; step back to 30 to see it still blurred, then press play.',
    },
    {
      title: 'A step size twenty times larger',
      params: { mode: 'trained', lr: 0.1, step: 400 },
      notice: 'The model passes 95 % within about 20 steps, but the big steps keep overshooting: the accuracy curves dip and swing instead of settling.',
    },
    {
      title: 'A step size ten times smaller',
      params: { mode: 'trained', lr: 0.0005, step: 400 },
      notice:
        'The same model crawls: after 400 steps it still has not reached 95 % (the default 0.005 gets there in about 60 steps); about 90 % of digits are right, but only about half of the whole sequences.',
    },
  ],
});
