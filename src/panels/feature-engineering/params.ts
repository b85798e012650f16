/**
 * State schema of the feature-engineering panel: the case study, each case's own controls, the
 * sample size, noise and seed. Pure: no React, no DOM. The URL keys are the object keys.
 */
import { defineSchema, type Params, seedSpec } from '../../lib/params/schema';

export const CASES = ['log', 'circles', 'hour', 'category', 'binning', 'scaling', 'poly'] as const;
export type CaseName = (typeof CASES)[number];

export const CASE_LABELS: Record<CaseName, string> = {
  log: 'Skewed values: log transform',
  circles: 'Circles: squared radius',
  hour: 'Hour of day: sine and cosine',
  category: 'Categories: one-hot vs label (real wages)',
  binning: 'Binning a numeric feature',
  scaling: 'Scaling: k-NN and gradient descent',
  poly: 'Polynomial features',
};

export const schema = defineSchema({
  case: {
    kind: 'choice',
    label: 'Case study',
    help: 'Each case fits the same simple model before and after one transform of the features.',
    options: CASES,
    optionLabels: CASE_LABELS,
    default: 'log',
  },
  skew: {
    kind: 'number',
    label: 'Skew: σ of ln x',
    help: 'x is log-normal: ln x ~ N(0, σ²). Larger σ, longer right tail.',
    min: 0.1,
    max: 2,
    step: 0.05,
    default: 1.2,
    digits: 3, // 2 significant digits would round 1.15 back to 1.1 and stick the slider
  },
  bins: {
    kind: 'int',
    label: 'Bins',
    help: 'KBinsDiscretizer n_bins; each bin becomes one 0/1 column.',
    min: 2,
    max: 20,
    default: 6,
  },
  strategy: {
    kind: 'choice',
    label: 'Bin edges',
    options: ['uniform', 'quantile'],
    optionLabels: { uniform: 'Uniform: equal widths', quantile: 'Quantile: equal counts' },
    default: 'uniform',
  },
  spread: {
    kind: 'number',
    label: 'Scale of feature 2',
    help: 'Feature 2 is measured in units this many times smaller than feature 1 (its values are this much larger).',
    min: 1,
    max: 1000,
    step: 0.05, // log10 units
    scale: 'log',
    default: 100,
    digits: 3,
  },
  scaler: {
    kind: 'choice',
    label: 'Scaler (after)',
    options: ['standard', 'minmax'],
    optionLabels: { standard: 'StandardScaler (z-score)', minmax: 'MinMaxScaler (0 to 1)' },
    default: 'standard',
  },
  degree: {
    kind: 'int',
    label: 'Polynomial degree (after)',
    help: 'PolynomialFeatures degree: every product of at most this many inputs.',
    min: 1,
    max: 6,
    default: 2,
  },
  n: {
    kind: 'int',
    label: 'Training points',
    help: 'The models train on these; scores are on 1000 fresh points from the same source.',
    min: 20,
    max: 1000,
    step: 10,
    default: 200,
  },
  noise: {
    kind: 'number',
    label: 'Noise',
    help: '0: none, 1: heavy. Added to the target (circles, polynomial: to the coordinates); the readout gives its standard deviation.',
    min: 0,
    max: 1,
    step: 0.05,
    default: 0.3,
    digits: 3,
  },
  seed: seedSpec(7),
} as const);

export type FeParams = Params<typeof schema>;

/** The controls each case uses, primary first (the view shows only these; the readout echoes them). */
export const CASE_CONTROLS: Record<CaseName, readonly (keyof FeParams)[]> = {
  log: ['skew', 'n', 'noise'],
  circles: ['n', 'noise'],
  hour: ['n', 'noise'],
  category: [],
  binning: ['bins', 'strategy', 'n', 'noise'],
  scaling: ['spread', 'scaler', 'n', 'noise'],
  poly: ['degree', 'n', 'noise'],
};
