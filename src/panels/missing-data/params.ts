/**
 * State schema of the missing-data panel: every control, its range, default and label.
 * Pure: no React, no DOM. The URL keys are the object keys.
 */
import { defineSchema, type Params, seedSpec } from '../../lib/params/schema';

export const MECHANISMS = ['mcar', 'mar', 'mnar'] as const;
export type Mechanism = (typeof MECHANISMS)[number];

export const MECHANISM_LABELS: Record<Mechanism, string> = {
  mcar: 'MCAR: at random',
  mar: 'MAR: depends on z',
  mnar: 'MNAR: on the value itself',
};

/** The imputations, in the order of the table (drop rows first: it imputes nothing). */
export const METHODS = ['drop', 'mean', 'median', 'regression', 'knn', 'iterative'] as const;
export type Method = (typeof METHODS)[number];

export const METHOD_LABELS: Record<Method, string> = {
  drop: 'Drop incomplete rows',
  mean: 'Mean',
  median: 'Median',
  regression: 'Regression (on complete rows)',
  knn: 'k-NN',
  iterative: 'Iterative (chained regressions)',
};

export const schema = defineSchema({
  mechanism: {
    kind: 'choice',
    label: 'Why values go missing',
    help: 'MCAR: a coin flip. MAR: more often when z is high (z is always observed). MNAR: more often when the value itself is high.',
    options: MECHANISMS,
    optionLabels: MECHANISM_LABELS,
    default: 'mar',
  },
  rate: {
    kind: 'number',
    label: 'Missing rate',
    help: 'Expected share of x values and of y values that go missing.',
    min: 0,
    max: 0.6,
    step: 0.05,
    default: 0.3,
    digits: 3,
  },
  method: {
    kind: 'choice',
    label: 'Imputation shown',
    help: 'Whose filled-in points the scatter shows; the table compares them all.',
    options: METHODS,
    optionLabels: METHOD_LABELS,
    default: 'mean',
  },
  indicator: {
    kind: 'bool',
    label: 'Add missing-indicator features',
    help: 'The downstream model also sees a 0/1 column per variable saying “this value was imputed”.',
    default: false,
  },
  split: {
    kind: 'choice',
    label: 'Impute',
    help: 'After: the imputer learns from the training rows only. Before: from the whole table, test rows and target included, then the split.',
    options: ['after', 'before'],
    optionLabels: { after: 'after the train/test split', before: 'before the split (leaks)' },
    default: 'after',
  },
  rho: {
    kind: 'number',
    label: 'True correlation of x and y',
    min: -0.9,
    max: 0.9,
    step: 0.05,
    default: 0.6,
    digits: 3,
  },
  k: {
    kind: 'int',
    label: 'k-NN neighbours k',
    help: 'Each missing value becomes the average of its k nearest rows that have it (scikit-learn’s default is 5).',
    min: 1,
    max: 15,
    default: 5,
  },
  n: {
    kind: 'int',
    label: 'Rows per data set',
    min: 40,
    max: 400,
    step: 10,
    default: 200,
  },
  draws: {
    kind: 'int',
    label: 'Resampled data sets',
    help: 'Every estimate is repeated on this many fresh data sets to show its spread.',
    min: 20,
    max: 200,
    step: 10,
    default: 100,
  },
  seed: seedSpec(7),
} as const);

export type MissingParams = Params<typeof schema>;
