/**
 * State schema of the vanishing-gradients panel: every control, its range, default and label.
 * Pure: no React, no DOM, no tfjs. The URL keys are the object keys.
 */
import { defineSchema, type Params, seedSpec } from '../../lib/params/schema';

/** Longest training run the step control allows. */
export const MAX_STEPS = 200;
export const MAX_DEPTH = 60;
export const MAX_WIDTH = 64;

export const ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'leaky', 'elu'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export const INITS = ['naive', 'xavier', 'he'] as const;
export type Init = (typeof INITS)[number];

export const RESIDUALS = ['off', 'plain', 'scaled'] as const;
export type Residual = (typeof RESIDUALS)[number];

/** Ready-made networks to overlay on the learner's own (same depth, width, data, seed). */
export const PRESETS = ['sigmoid-naive', 'sigmoid-xavier', 'tanh-xavier', 'relu-he', 'sigmoid-bn', 'relu-he-bn', 'tanh-xavier-res'] as const;
export type PresetName = (typeof PRESETS)[number];

export const ACTIVATION_LABELS: Record<Activation, string> = {
  sigmoid: 'Sigmoid',
  tanh: 'Tanh',
  relu: 'ReLU',
  leaky: 'Leaky ReLU (slope 0.01)',
  elu: 'ELU',
};

export const PRESET_LABELS: Record<PresetName, string> = {
  'sigmoid-naive': 'Sigmoid, σ = 1 init',
  'sigmoid-xavier': 'Sigmoid, Xavier init',
  'tanh-xavier': 'Tanh, Xavier init',
  'relu-he': 'ReLU, He init',
  'sigmoid-bn': 'Sigmoid, σ = 1 init + batch norm',
  'relu-he-bn': 'ReLU, He init + batch norm',
  'tanh-xavier-res': 'Tanh, Xavier init + scaled residual',
};

/** At most this many presets are overlaid (the learner's network makes three lines). */
export const MAX_COMPARE = 2;

export const schema = defineSchema({
  depth: {
    kind: 'int',
    label: 'Depth (weight layers)',
    help: 'Number of weight matrices, output layer included; 1 is a linear model.',
    min: 1,
    max: MAX_DEPTH,
    default: 20,
  },
  width: { kind: 'int', label: 'Width (units per hidden layer)', min: 2, max: MAX_WIDTH, default: 16 },
  activation: {
    kind: 'choice',
    label: 'Activation',
    options: ACTIVATIONS,
    optionLabels: ACTIVATION_LABELS,
    default: 'sigmoid',
  },
  init: {
    kind: 'choice',
    label: 'Initial weights',
    help: 'Xavier: σ² = 2 / (fan-in + fan-out). He: σ² = 2 / fan-in.',
    options: INITS,
    optionLabels: {
      naive: 'Naive: one σ for all',
      xavier: 'Xavier / Glorot',
      he: 'He',
    },
    default: 'naive',
  },
  naiveStd: {
    kind: 'number',
    label: 'Naive init σ',
    help: 'Standard deviation of every weight, whatever the layer size.',
    min: 0.01,
    max: 10,
    step: 0.05,
    scale: 'log',
    default: 1,
    digits: 3,
  },
  batchNorm: {
    kind: 'bool',
    label: 'Batch normalisation',
    help: 'Standardise each unit over the batch before the activation (no learned scale or shift).',
    default: false,
  },
  residual: {
    kind: 'choice',
    label: 'Residual connections',
    help: 'Each hidden layer adds its input back. Plain sums grow with depth; scaling each branch by 1/√(hidden layers) keeps the sum’s size.',
    options: RESIDUALS,
    optionLabels: { off: 'Off', plain: 'h ← h + act(hW)', scaled: 'h ← h + act(hW) / √(hidden layers)' },
    default: 'off',
  },
  compare: {
    kind: 'multi',
    label: 'Compare with (same depth, width, data and seed)',
    options: PRESETS,
    optionLabels: PRESET_LABELS,
    default: ['relu-he', 'sigmoid-bn'],
  },
  task: {
    kind: 'choice',
    label: 'Training task',
    options: ['wave', 'circles'],
    help: '128 points with 2 inputs. Classes are fitted as targets ±1 with the same squared error.',
    optionLabels: { wave: 'Regression: wavy surface', circles: 'Classes: two circles' },
    default: 'wave',
  },
  optimizer: {
    kind: 'choice',
    label: 'Optimizer',
    options: ['sgd', 'adam'],
    help: 'Both use all 128 points at every step.',
    optionLabels: { sgd: 'Gradient descent', adam: 'Adam' },
    default: 'sgd',
  },
  lr: {
    kind: 'number',
    label: 'Learning rate',
    min: 1e-4,
    max: 1,
    step: 0.05,
    scale: 'log',
    default: 0.05,
    digits: 3,
  },
  clip: {
    kind: 'bool',
    label: 'Gradient clipping',
    help: 'Rescale the whole gradient when its norm exceeds the threshold (the plotted norms stay unclipped).',
    default: false,
  },
  clipNorm: {
    kind: 'number',
    label: 'Clipping threshold (global norm)',
    min: 0.01,
    max: 100,
    step: 0.05,
    scale: 'log',
    default: 1,
    digits: 3,
  },
  step: { kind: 'int', label: 'Training step', min: 0, max: MAX_STEPS, default: 50 },
  seed: seedSpec(1),
} as const);

export type VGParams = Params<typeof schema>;
