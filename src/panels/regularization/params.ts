/**
 * State schema of the regularization panel: every control, its range, default and label.
 * Pure: no React, no DOM. The URL keys are the object keys.
 */
import { defineSchema, type Params, seedSpec } from '../../lib/params/schema';

/** The λ grid of the coefficient paths: LAMBDA_MIN … LAMBDA_MAX, PATH_PER_DECADE points a decade. */
export const LAMBDA_MIN = 1e-4;
export const LAMBDA_MAX = 100;
export const PATH_PER_DECADE = 10;
/** The first BLOCK features form the correlated block (fewer when there are fewer features). */
export const BLOCK = 3;

export const schema = defineSchema({
  penalty: {
    kind: 'choice',
    label: 'Penalty',
    options: ['l1', 'l2', 'elasticnet'],
    optionLabels: { l1: 'L1 (lasso)', l2: 'L2 (ridge)', elasticnet: 'Elastic net (L1 + L2)' },
    default: 'l1',
  },
  lambda: {
    kind: 'number',
    label: 'Penalty strength λ',
    min: LAMBDA_MIN,
    max: LAMBDA_MAX,
    step: 0.05, // log10 units
    scale: 'log',
    default: 0.3,
    digits: 3,
  },
  mix: {
    kind: 'number',
    label: 'Mixing α (share of L1)',
    help: 'α = 1 is the lasso, α → 0 is ridge (scikit-learn calls it l1_ratio).',
    min: 0.05,
    max: 0.95,
    step: 0.05,
    default: 0.5,
    digits: 2,
  },
  p: {
    kind: 'int',
    label: 'Features',
    min: 2,
    max: 60,
    default: 20,
  },
  rho: {
    kind: 'number',
    label: 'Correlation in the block',
    help: `Correlation between each pair of the first ${BLOCK} features (the rest are independent).`,
    min: 0,
    max: 0.99,
    step: 0.01,
    default: 0.8,
    digits: 2,
  },
  k: {
    kind: 'int',
    label: 'Features that truly matter',
    help: `The first k features have non-zero true weights; the correlated block shares one weight.`,
    min: 1,
    max: 60,
    default: 5,
  },
  n: {
    kind: 'int',
    label: 'Training samples',
    help: 'Fewer samples than features is allowed.',
    min: 10,
    max: 200,
    default: 30,
  },
  noise: {
    kind: 'number',
    label: 'Noise σ',
    min: 0,
    max: 5,
    step: 0.05,
    default: 2,
    digits: 3,
  },
  seed: seedSpec(2),
} as const);

export type RegParams = Params<typeof schema>;
export type Penalty = RegParams['penalty'];
