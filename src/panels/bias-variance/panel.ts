import { definePanel } from '../../lib/panel/types';
import { store } from './store';
import { Explanation } from './Explanation';
import { BiasVarianceView } from './BiasVarianceView';
import { interview } from './interview';

export default definePanel({
  store,
  usesTf: (p) => (p.engine === 'tf' ? 'worker' : false),
  Explanation,
  View: BiasVarianceView,
  interview,
  experiments: [
    {
      title: 'Underfit: a straight line through a sine',
      params: { degree: 1 },
      notice: 'The faint fits all agree with each other but miss the curve the same way: bias² dominates the error.',
    },
    {
      title: 'Overfit: degree 12 on 20 noisy points',
      params: { degree: 12 },
      notice: 'Each fit wiggles through its own noise; the average is close to the truth but variance explodes near the edges.',
    },
    {
      title: 'More data tames variance',
      params: { degree: 12, n: 200 },
      notice: 'With ten times the points the same degree-12 model barely varies: variance depends on data size, not just complexity.',
    },
    {
      title: 'Ridge buys back stability',
      params: { degree: 12, useRidge: true, lambda: 0.01 },
      notice:
        'A small penalty cuts the variance from 1.15 to 0.79 and the test error with it. The bias it adds is too small to see: the readout’s bias² is mostly the scatter of the average of 100 fits, which falls with the variance, so it even drops here.',
    },
    {
      title: 'Random gaps make variance explode',
      params: { degree: 12, design: 'uniform' },
      notice: 'With purely random x some training sets leave a gap near ±1, and their high-degree fits shoot off there: the variance is dominated by rare bad sets.',
    },
    {
      title: 'Float32 breaks near interpolation',
      params: { degree: 18, engine: 'tf', design: 'uniform' },
      notice: 'Degree 18 on 20 random points is so ill conditioned that the batched float32 solve loses its digits: its training error comes out many times that of the float64 solve of the same sets: switch the solver to float64 to compare.',
    },
    {
      title: 'More coefficients than points',
      params: { degree: 15, n: 10 },
      notice:
        'With 16 coefficients and 10 points the fit interpolates every point (minimum norm); the panel says so. On the error plot the test error peaks at degree 9, the first degree that interpolates, then falls again as the degree grows: double descent.',
    },
  ],
});
