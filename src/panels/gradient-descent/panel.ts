import { definePanel } from '../../lib/panel/types';
import { store } from './store';
import { Explanation } from './Explanation';
import { GradientDescentView } from './GradientDescentView';
import { interview } from './interview';

export { store };

export default definePanel({
  store,
  // tfjs runs only in the panel's worker; the badge shows the worker's backend.
  usesTf: 'worker',
  Explanation,
  View: GradientDescentView,
  interview,
  experiments: [
    {
      title: 'Momentum through a ravine',
      params: { kappa: 50, optimizers: ['sgd', 'momentum'], lr: 0.038, momentum: 0.6, step: 100 },
      notice:
        'At κ = 50 the step must stay under 2/L = 0.04, so gradient descent bounces across the ravine and crawls along it; momentum cancels the bounce, keeps the speed along the floor and settles by iteration ~95.',
    },
    {
      title: 'A step just over 2/L',
      params: { optimizers: ['sgd'], lr: 0.21, step: 100 },
      notice:
        'With L = 10 the limit is 0.2: at 0.21 each step multiplies the steep y-offset by −1.1, so the bounce grows until the run is flagged as diverged (at 0.19 it would shrink instead).',
    },
    {
      title: 'Uneven scales: adaptive steps',
      params: { kappa: 100, optimizers: ['sgd', 'rmsprop', 'adam'], lr: 0.019, lrAdaptive: 0.05, step: 100 },
      notice:
        'Gradient descent’s step is capped by the steep axis (2/L = 0.02), so along the flat axis it covers only 1.9% of the remaining distance per step; RMSprop and Adam divide each coordinate by its own gradient size and close in along both axes at once.',
    },
    {
      title: 'One example per step (batch size 1)',
      params: { surface: 'logistic', start: [-1.5, 2.5], optimizers: ['sgd'], lr: 0.5, batch: 1, step: 200 },
      notice:
        'The step that converges smoothly on all 60 points now follows one point’s gradient at a time: with this constant step the path jitters around the minimum and the loss never settles. A larger batch or a smaller step shrinks the jitter; only a step that decays over time would end it.',
    },
    {
      title: 'Escaping a saddle',
      params: { surface: 'saddle', start: [-2.5, 0.001], optimizers: ['sgd', 'momentum', 'adam'], lr: 0.1, lrAdaptive: 0.05, step: 100 },
      notice:
        'Starting 0.001 off the ridge, gradient descent slides into the saddle and idles there: the sideways offset grows only 1.1-fold per step, so it takes about 75 iterations to reach 1. Momentum leaves sooner, and Adam rescales the tiny sideways gradient and leaves almost at once.',
    },
    {
      title: 'Trapped in a local minimum',
      params: { surface: 'multimodal', start: [-2.5, 1.5], optimizers: ['sgd', 'momentum'], lr: 0.1, momentum: 0.95, step: 200 },
      notice:
        'Gradient descent stops in the nearest valley, above the lowest loss; heavy momentum (μ = 0.95) rolls over the rim and ends in the deepest one. Neither method knows which valley is lowest: it depends on the start.',
    },
    {
      title: 'The banana valley',
      params: { surface: 'rosenbrock', start: [-1.2, 1], optimizers: ['sgd', 'momentum', 'adam'], lr: 0.001, lrAdaptive: 0.05, step: 500 },
      notice:
        'Finding the curved valley is quick; following it is slow, because its walls curve about 2500 times more sharply than its floor. Gradient descent is still far from (1, 1) after 500 steps, while momentum builds up speed along the floor.',
    },
  ],
});
