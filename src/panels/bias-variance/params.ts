/**
 * State schema of the bias-variance panel: every control, its range, default and label.
 * Pure: no React, no DOM. The URL keys are the object keys.
 */
import { csvParamSpec } from '../../lib/data/ownData';
import { defineSchema, type Params, seedSpec } from '../../lib/params/schema';

/** Highest polynomial degree the panel offers; the model computes every degree 0..MAX_DEGREE. */
export const MAX_DEGREE = 20;

export const schema = defineSchema({
  data: {
    kind: 'choice',
    label: 'Data',
    help: 'Points drawn from a known function plus noise, or your own points (no true function known).',
    options: ['generated', 'csv'],
    optionLabels: { generated: 'Generated: true function + noise', csv: 'Your CSV data (columns x, y)' },
    default: 'generated',
  },
  fn: {
    kind: 'choice',
    label: 'True function',
    options: ['sine', 'cubic', 'step'],
    optionLabels: { sine: 'Sine wave', cubic: 'Cubic', step: 'Step' },
    default: 'sine',
  },
  noise: {
    kind: 'number',
    label: 'Noise σ',
    help: 'Standard deviation of the noise added to every y.',
    min: 0,
    max: 1,
    step: 0.01,
    default: 0.3,
    digits: 3,
  },
  n: {
    kind: 'int',
    label: 'Training points',
    help: 'How many points each training set has.',
    min: 5,
    max: 200,
    default: 20,
  },
  degree: {
    kind: 'int',
    label: 'Polynomial degree',
    min: 0,
    max: MAX_DEGREE,
    default: 3,
  },
  sets: {
    kind: 'int',
    label: 'Resampled training sets',
    help: 'Fresh training sets drawn from the same distribution, each fitted separately.',
    min: 10,
    max: 300,
    default: 100,
  },
  useRidge: {
    kind: 'bool',
    label: 'Ridge penalty',
    help: 'Adds λ times the sum of squared coefficients to the squared error.',
    default: false,
  },
  lambda: {
    kind: 'number',
    label: 'Ridge λ',
    min: 1e-6,
    max: 10,
    step: 0.1, // log10 units
    scale: 'log',
    default: 1e-3,
    digits: 3,
  },
  design: {
    kind: 'choice',
    label: 'How x is drawn',
    help: 'Each training set gets fresh x. Uniform x can leave gaps near the ends, where high-degree fits explode.',
    options: ['stratified', 'uniform', 'fixed'],
    optionLabels: { stratified: 'Jittered grid (one x per slice)', uniform: 'Uniform at random', fixed: 'Same x, fresh noise' },
    default: 'stratified',
  },
  engine: {
    kind: 'choice',
    label: 'Solver',
    help: 'Float64 QR in plain TypeScript, or all sets at once as one batched float32 solve in tfjs.',
    options: ['js', 'tf'],
    optionLabels: { js: 'Float64, one QR per set', tf: 'Float32, batched in tfjs' },
    default: 'js',
  },
  // The learner's own points (data=csv): up to 200 rows, always in the link (lib/data/ownData.ts).
  csv: csvParamSpec,
  seed: seedSpec(1),
} as const);

export type BiasVarianceParams = Params<typeof schema>;
