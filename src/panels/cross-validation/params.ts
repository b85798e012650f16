/**
 * State schema of the cross-validation panel: every control, its range, default and label.
 * Pure: no React, no DOM. The URL keys are the object keys.
 */
import { defineSchema, type Params, seedSpec } from '../../lib/params/schema';

export const SCHEMES = ['kfold', 'shuffle', 'stratified', 'loo', 'timeseries', 'group'] as const;
export type Scheme = (typeof SCHEMES)[number];

export const SCHEME_LABELS: Record<Scheme, string> = {
  kfold: 'k-fold, in order',
  shuffle: 'k-fold, shuffled',
  stratified: 'Stratified k-fold',
  loo: 'Leave-one-out',
  timeseries: 'Time-series split',
  group: 'Group k-fold',
};

/** Largest number of neighbours the tuning curve tries (odd values 1, 3, …). */
export const MAX_NEIGHBOURS = 25;

export const schema = defineSchema({
  scheme: {
    kind: 'choice',
    label: 'Scheme scored below',
    help: 'The splitter whose folds are scored and used to tune the number of neighbours.',
    options: SCHEMES,
    optionLabels: SCHEME_LABELS,
    default: 'shuffle',
  },
  folds: {
    kind: 'int',
    label: 'Folds k',
    help: 'Number of splits (time-series: number of test windows).',
    min: 2,
    max: 10,
    default: 5,
  },
  n: {
    kind: 'int',
    label: 'Samples',
    min: 12,
    max: 60,
    default: 30,
  },
  balance: {
    kind: 'number',
    label: 'Share of class 1',
    help: 'Expected share of the rarer class; it also rises over time, so early samples hold fewer.',
    min: 0.1,
    max: 0.5,
    step: 0.05,
    default: 0.3,
    digits: 2,
  },
  groups: {
    kind: 'int',
    label: 'Groups',
    help: 'Samples come from this many sources (patients, users, sites) of uneven size.',
    min: 2,
    max: 12,
    default: 6,
  },
  groupEffect: {
    kind: 'number',
    label: 'Group effect',
    help: 'How much samples of one group look alike and share a label tendency.',
    min: 0,
    max: 1,
    step: 0.05,
    default: 0.6,
    digits: 2,
  },
  gap: {
    kind: 'int',
    label: 'Gap before each test window',
    help: 'Samples dropped between the training part and the test window.',
    min: 0,
    max: 5,
    default: 0,
  },
  window: {
    kind: 'int',
    label: 'Training window (0 = all the past)',
    help: 'Keep only the most recent samples for training.',
    min: 0,
    max: 40,
    default: 0,
  },
  k: {
    kind: 'int',
    label: 'Neighbours of the k-NN model',
    min: 1,
    max: MAX_NEIGHBOURS,
    step: 2,
    default: 5,
  },
  repeats: {
    kind: 'int',
    label: 'Random splits compared',
    help: 'How many shuffles of the same data the spread plot draws.',
    min: 20,
    max: 200,
    step: 10,
    default: 100,
  },
  leak: {
    kind: 'choice',
    label: 'Leak to show',
    options: ['selection', 'groups'],
    optionLabels: { selection: 'Choosing features first', groups: 'Shuffled folds, grouped data' },
    default: 'selection',
  },
  features: {
    kind: 'number',
    label: 'Noise features',
    help: 'Columns of pure noise; the labels are coin flips.',
    min: 10,
    max: 2000,
    step: 0.1, // log10 units
    scale: 'log',
    default: 500,
    digits: 2,
  },
  keep: {
    kind: 'int',
    label: 'Features kept',
    help: 'The ones most correlated with the label.',
    min: 1,
    max: 50,
    default: 10,
  },
  seed: seedSpec(10),
} as const);

export type CvParams = Params<typeof schema>;
