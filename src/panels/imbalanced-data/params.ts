/**
 * State schema of the imbalanced-data panel: every control, its range, default and label.
 * Pure: no React, no DOM. The URL keys are the object keys.
 */
import { defineSchema, type Params, seedSpec } from '../../lib/params/schema';

export const METHODS = ['none', 'oversample', 'smote', 'undersample', 'tomek', 'weights'] as const;
export type Method = (typeof METHODS)[number];

export const METHOD_LABELS: Record<Method, string> = {
  none: 'None (train as is)',
  oversample: 'Random oversampling',
  smote: 'SMOTE',
  undersample: 'Random undersampling',
  tomek: 'Tomek links',
  weights: 'Class weights (balanced)',
};

/** Largest SMOTE k the slider offers (imbalanced-learn's default is 5). */
export const MAX_K = 15;

export const schema = defineSchema({
  method: {
    kind: 'choice',
    label: 'Method shown',
    help: 'Whose training set, boundary and PR curve the plots show; the table compares all six.',
    options: METHODS,
    optionLabels: METHOD_LABELS,
    default: 'smote',
  },
  ratio: {
    kind: 'number',
    label: 'Imbalance',
    help: 'Minority : majority points, in training and in test.',
    min: 1,
    max: 200,
    step: 0.02, // log10 units
    scale: 'log',
    default: 20,
    digits: 3,
  },
  overlap: {
    kind: 'number',
    label: 'Overlap of the classes',
    help: '0: the class means are 4 standard deviations apart; 1: both classes come from the same distribution.',
    min: 0,
    max: 1,
    step: 0.05,
    default: 0.5,
    digits: 3,
  },
  threshold: {
    kind: 'number',
    label: 'Threshold',
    help: 'Predict the minority class when its predicted probability is at or above it (all methods).',
    min: 0.01,
    max: 0.99,
    step: 0.01,
    default: 0.5,
    digits: 3,
  },
  k: {
    kind: 'int',
    label: 'SMOTE neighbours k',
    help: 'Each synthetic point lies between a minority point and one of its k nearest minority neighbours.',
    min: 1,
    max: MAX_K,
    default: 5,
  },
  data: {
    kind: 'choice',
    label: 'Data set',
    help: 'Two Gaussian classes, or real sensor readings with rare events.',
    options: ['generated', 'sensors'],
    optionLabels: { generated: 'Generated: two Gaussian classes', sensors: 'Real: sensor network events' },
    default: 'generated',
  },
  seed: seedSpec(3),
} as const);

export type ImbalanceParams = Params<typeof schema>;
