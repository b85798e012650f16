/**
 * State schema of the overfitting panel: every control, its range, default and label. Pure: no
 * React, no DOM. The URL keys are the object keys; `epoch` is the training step, so a link
 * replays to it.
 */
import { csvParamSpec } from '../../lib/data/ownData';
import { defineSchema, type Params, seedSpec } from '../../lib/params/schema';

/** Highest epoch a link or the player reaches (a link replays up to here on load). */
export const MAX_EPOCH = 3000;

export const schema = defineSchema({
  n: {
    kind: 'int',
    label: 'Training points',
    help: 'The validation set is 300 fresh points from the same distribution (with your own data: 30% of your rows).',
    min: 10,
    max: 500,
    default: 30,
  },
  noise: {
    kind: 'number',
    label: 'Noise σ',
    help: 'Gaussian noise added to every point: more noise, more overlap between the classes.',
    min: 0,
    max: 0.5,
    step: 0.01,
    default: 0.25,
    digits: 3,
  },
  dataset: {
    kind: 'choice',
    label: 'Data set',
    options: ['moons', 'circles', 'spiral', 'xor', 'csv'],
    optionLabels: { moons: 'Two moons', circles: 'Circle in a ring', spiral: 'Two spirals', xor: 'XOR quadrants', csv: 'Your CSV data (x1, x2, label)' },
    default: 'moons',
  },
  // The learner's own points (dataset=csv): up to 200 rows, always in the link (lib/data/ownData.ts).
  csv: csvParamSpec,
  width: {
    kind: 'int',
    label: 'Neurons per hidden layer',
    min: 1,
    max: 16,
    default: 16,
  },
  depth: {
    kind: 'int',
    label: 'Hidden layers',
    min: 1,
    max: 6,
    default: 2,
  },
  taper: {
    kind: 'bool',
    label: 'Halve the width at each layer',
    help: 'e.g. 4 then 2 neurons, as in TensorFlow Playground’s default network.',
    default: false,
  },
  features: {
    kind: 'choice',
    label: 'Inputs',
    options: ['xy', 'poly'],
    optionLabels: { xy: 'x₁, x₂', poly: 'x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂' },
    default: 'xy',
  },
  activation: {
    kind: 'choice',
    label: 'Activation',
    options: ['tanh', 'relu'],
    optionLabels: { tanh: 'tanh', relu: 'ReLU' },
    default: 'tanh',
  },
  optimizer: {
    kind: 'choice',
    label: 'Optimizer',
    options: ['adam', 'sgd'],
    optionLabels: { adam: 'Adam', sgd: 'Gradient descent' },
    default: 'adam',
  },
  batch: {
    kind: 'int',
    label: 'Batch size',
    help: 'Points per update: an epoch makes ⌈n / batch⌉ updates over a fresh shuffle. At the training set size or above, one full-batch update per epoch.',
    min: 1,
    // MAX_POOL (data.ts): B of "4× the data" may have this many points, so the default is full batch for every run.
    max: 1000,
    default: 1000,
  },
  lr: {
    kind: 'number',
    label: 'Learning rate',
    min: 1e-4,
    max: 1,
    step: 0.1, // log10 units
    scale: 'log',
    default: 0.01,
    digits: 3,
  },
  dropout: {
    kind: 'number',
    label: 'Dropout rate',
    help: 'In training, each hidden unit is dropped with this probability, afresh for every point at every pass (the rest are scaled up).',
    min: 0,
    max: 0.7,
    step: 0.05,
    default: 0,
    digits: 2,
  },
  useL2: {
    kind: 'bool',
    label: 'L2 weight decay',
    help: 'Adds (λ/2)·Σw² over the weights to the loss.',
    default: false,
  },
  l2: {
    kind: 'number',
    label: 'Weight decay λ',
    min: 1e-5,
    max: 0.1,
    step: 0.1, // log10 units
    scale: 'log',
    default: 0.01,
    digits: 3,
  },
  jitter: {
    kind: 'number',
    label: 'Augmentation: input jitter σ',
    help: 'Each epoch trains on copies of the points moved by Gaussian noise of this size.',
    min: 0,
    max: 0.3,
    step: 0.01,
    default: 0,
    digits: 2,
  },
  earlyStop: {
    kind: 'bool',
    label: 'Early stopping',
    help: 'Stop when the validation loss has not improved for “patience” epochs, and keep the best weights.',
    default: false,
  },
  patience: {
    kind: 'int',
    label: 'Patience (epochs)',
    min: 5,
    max: 500,
    step: 5,
    default: 50,
  },
  compare: {
    kind: 'choice',
    label: 'Side by side with B',
    help: 'B trains next to your network A on the same seed: same data, same starting weights where the shapes match.',
    options: ['none', 'plain', 'more', 'small'],
    optionLabels: {
      none: 'Off (A only)',
      plain: 'B = A without any regularisation',
      more: 'B = A with 4× the training points',
      small: 'B = a small network (one layer of 4)',
    },
    default: 'none',
  },
  engine: {
    kind: 'choice',
    label: 'Training engine',
    help: 'Both compute the same network; the boundary grid is always evaluated in tfjs.',
    options: ['js', 'tf'],
    optionLabels: { js: 'Float64 typed arrays (fastest here)', tf: 'tfjs autodiff (float32)' },
    default: 'js',
  },
  epoch: {
    kind: 'int',
    label: 'Epoch',
    min: 0,
    max: MAX_EPOCH,
    default: 400,
  },
  seed: seedSpec(1),
} as const);

export type OverfitParams = Params<typeof schema>;
export type CompareMode = OverfitParams['compare'];
