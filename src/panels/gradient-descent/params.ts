/**
 * State of the gradient-descent panel: every control, its range and default. Pure (no tfjs), so the
 * store and URL code can import it without pulling tfjs into the page.
 */
import { defineSchema, type Params, seedSpec } from '../../lib/params/schema';
import { OPTIMIZERS } from './optimizers';

/** Points in the logistic-regression data set (the batch-size slider runs 1 … N_POINTS). */
export const N_POINTS = 60;
/** Longest run the step control allows: 500 steps × 6 optimizers stays well inside a frame budget. */
export const MAX_STEPS = 500;

export const SURFACES = ['bowl', 'rosenbrock', 'multimodal', 'saddle', 'logistic'] as const;
export type SurfaceName = (typeof SURFACES)[number];

export const schema = defineSchema({
  surface: {
    kind: 'choice',
    label: 'Surface',
    options: SURFACES,
    optionLabels: {
      bowl: 'Stretched bowl',
      rosenbrock: 'Banana valley (Rosenbrock)',
      multimodal: 'Several valleys',
      saddle: 'Saddle',
      logistic: 'Logistic regression loss',
    },
    default: 'bowl',
  },
  kappa: {
    kind: 'number',
    label: 'Bowl stretch (condition number)',
    help: 'How many times steeper the bowl is across than along.',
    min: 1,
    max: 100,
    step: 0.05,
    scale: 'log',
    default: 10,
    digits: 3,
  },
  optimizers: {
    kind: 'multi',
    label: 'Optimizers',
    options: OPTIMIZERS,
    optionLabels: {
      sgd: 'Gradient descent',
      momentum: 'Momentum',
      nesterov: 'Nesterov',
      adagrad: 'AdaGrad',
      rmsprop: 'RMSprop',
      adam: 'Adam',
    },
    default: ['sgd', 'momentum', 'adam'],
    minCount: 1,
  },
  // Two step sizes, because they mean different things: gradient descent, momentum and Nesterov
  // move lr × gradient, while AdaGrad, RMSprop and Adam move about lr per coordinate whatever the
  // gradient's size. One shared slider would always be wrong for one family.
  lr: {
    kind: 'number',
    label: 'Step size: gradient descent, momentum, Nesterov',
    min: 1e-4,
    max: 2,
    step: 0.05,
    scale: 'log',
    default: 0.17,
    digits: 3,
  },
  lrAdaptive: {
    kind: 'number',
    label: 'Step size: AdaGrad, RMSprop, Adam',
    min: 1e-4,
    max: 2,
    step: 0.05,
    scale: 'log',
    default: 0.1,
    digits: 3,
  },
  momentum: { kind: 'number', label: 'Momentum μ', min: 0, max: 0.99, step: 0.01, default: 0.9, digits: 2 },
  beta1: { kind: 'number', label: 'Adam β1 (memory of the gradient)', min: 0, max: 0.999, step: 0.001, default: 0.9, digits: 3 },
  beta2: {
    kind: 'number',
    label: 'Adam β2 (memory of the squared gradient)',
    min: 0.5,
    max: 0.9999,
    step: 0.0001,
    default: 0.999,
    digits: 4,
  },
  alpha: { kind: 'number', label: 'RMSprop α (memory of the squared gradient)', min: 0.5, max: 0.999, step: 0.001, default: 0.99, digits: 3 },
  batch: {
    kind: 'int',
    label: 'Batch size (logistic loss)',
    help: `1 is stochastic gradient descent, ${N_POINTS} is the full batch.`,
    min: 1,
    max: N_POINTS,
    default: N_POINTS,
  },
  start: { kind: 'vec', label: 'Start point', length: 2, min: -5, max: 5, default: [-1.8, 1.2], digits: 3 },
  step: { kind: 'int', label: 'Iteration', min: 0, max: MAX_STEPS, default: 60 },
  seed: seedSpec(1),
} as const);

export type GDParams = Params<typeof schema>;
