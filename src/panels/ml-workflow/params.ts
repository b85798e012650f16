/**
 * State schema of the ml-workflow panel: the step the learner is on and every decision taken on
 * the way (target, split, preprocessing, model, how it is tuned, the wrong moves), plus the seed.
 * Pure: no React, no DOM. The URL keys are the object keys.
 */
import { defineSchema, type Params, seedSpec } from '../../lib/params/schema';

export const STEPS = ['look', 'split', 'baseline', 'prep', 'models', 'tune', 'evaluate', 'handoff'] as const;
export type Step = (typeof STEPS)[number];

export const STEP_LABELS: Record<Step, string> = {
  look: '1 Look at the data',
  split: '2 Split off a test set',
  baseline: '3 Baseline',
  prep: '4 Preprocess',
  models: '5 Try models',
  tune: '6 Tune by cross-validation',
  evaluate: '7 Evaluate on the test set',
  handoff: '8 Hand off',
};

export const TARGETS = ['species', 'sex'] as const;
export type Target = (typeof TARGETS)[number];

export const MODELS = ['logistic', 'tree', 'knn'] as const;
export type ModelKind = (typeof MODELS)[number];

export const MODEL_LABELS: Record<ModelKind, string> = {
  logistic: 'Logistic regression',
  tree: 'Decision tree',
  knn: 'k nearest neighbours',
};

export const schema = defineSchema({
  step: {
    kind: 'choice',
    label: 'Step',
    options: STEPS,
    optionLabels: STEP_LABELS,
    default: 'look',
  },
  target: {
    kind: 'choice',
    label: 'Predict',
    help: 'The column to predict from the others: the species (three classes) or the sex of the bird.',
    options: TARGETS,
    optionLabels: { species: 'species (3 classes)', sex: 'sex (2 classes)' },
    default: 'species',
  },
  test: {
    kind: 'number',
    label: 'Test set share',
    help: 'Held out, stratified by class, and not read again until step 7.',
    min: 0.1,
    max: 0.4,
    step: 0.05,
    default: 0.2,
    digits: 3,
  },
  folds: {
    kind: 'int',
    label: 'Cross-validation folds k',
    help: 'Stratified k-fold on the training part only: every score before step 7 is a mean over k held-out folds.',
    min: 3,
    max: 10,
    default: 5,
  },
  impute: {
    kind: 'choice',
    label: 'Fill missing numbers with',
    help: 'Each column’s mean or median over the training rows (a missing category gets the most frequent one).',
    options: ['median', 'mean'],
    default: 'median',
  },
  scale: {
    kind: 'choice',
    label: 'Scale numeric columns',
    help: 'Standardise with the training rows’ mean and standard deviation, or leave grams and millimetres as they are.',
    options: ['standard', 'none'],
    optionLabels: { standard: 'standardise', none: 'no scaling' },
    default: 'standard',
  },
  encode: {
    kind: 'choice',
    label: 'Encode categories',
    help: 'One 0/1 column per category, or one column of codes 0, 1, 2 (an order the categories do not have).',
    options: ['onehot', 'ordinal'],
    optionLabels: { onehot: 'one-hot', ordinal: 'ordinal codes' },
    default: 'onehot',
  },
  model: {
    kind: 'choice',
    label: 'Model carried forward',
    options: MODELS,
    optionLabels: MODEL_LABELS,
    default: 'logistic',
  },
  tuning: {
    kind: 'choice',
    label: 'Pick the hyperparameter by',
    help: 'Cross-validation on the training part, or (a wrong move) the score on the test set itself.',
    options: ['cv', 'test'],
    optionLabels: { cv: 'cross-validation', test: 'the test set (wrong)' },
    default: 'cv',
  },
  leak: {
    kind: 'bool',
    label: 'Add the “field tag” column (leaks the target)',
    help: 'A column the field team filled in after identifying each bird: it is derived from the label (wrong move).',
    default: false,
  },
  prepFit: {
    kind: 'choice',
    label: 'Fit imputer and scaler on',
    options: ['train', 'all'],
    optionLabels: { train: 'the training rows', all: 'all rows, test included (wrong)' },
    default: 'train',
  },
  seed: seedSpec(1),
} as const);

export type WfParams = Params<typeof schema>;

/** The hyperparameter each model is tuned on, its grid from the simplest model to the most flexible
 *  (ties in a search go to the simpler one), and scikit-learn's default. */
export const HYPER: Record<ModelKind, { name: string; grid: readonly number[]; fallback: number }> = {
  logistic: { name: 'C (inverse L2 strength)', grid: [0.001, 0.01, 0.1, 1, 10, 100], fallback: 1 },
  tree: { name: 'max depth', grid: [1, 2, 3, 4, 5, 6, 8, 12], fallback: Infinity },
  knn: { name: 'k', grid: [31, 21, 15, 11, 7, 5, 3, 1], fallback: 5 },
};

/** The controls shown at each step (all of them are always in the link). */
export const STEP_CONTROLS: Record<Step, readonly (keyof WfParams & string)[]> = {
  look: ['target'],
  split: ['target'],
  baseline: [],
  prep: ['impute', 'scale', 'encode', 'prepFit', 'leak'],
  models: ['model'],
  tune: ['model', 'tuning'],
  evaluate: ['model', 'tuning'],
  handoff: [],
};
