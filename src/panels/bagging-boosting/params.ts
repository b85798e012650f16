/**
 * State schema of the bagging-boosting panel: every control, its range, default and label. Pure:
 * no React, no DOM. The URL keys are the object keys.
 *
 * `round` is the player's step: round m shows the ensembles of the first m learners, the m-th
 * learner just added (bagging: its bootstrap sample; AdaBoost: the weights it was fitted on and
 * its α; gradient boosting: the residuals it was fitted to). All MAX_ROUNDS rounds are computed
 * once per setting in the worker, so moving the round only re-draws.
 */
import { defineSchema, type Params, seedSpec } from '../../lib/params/schema';

/** Rounds computed per setting (the player's last step). */
export const MAX_ROUNDS = 200;
export const MAX_DEPTH = 3;

export const DATASETS = ['moons', 'circles', 'xor'] as const;
export type DatasetName = (typeof DATASETS)[number];

export const DATASET_LABELS: Record<DatasetName, string> = {
  moons: 'Two moons',
  circles: 'Circles (one inside the other)',
  xor: 'XOR (four quadrants)',
};

export const schema = defineSchema({
  dataset: {
    kind: 'choice',
    label: 'Classification data',
    options: DATASETS,
    optionLabels: DATASET_LABELS,
    default: 'moons',
  },
  noise: {
    kind: 'number',
    label: 'Noise',
    help: 'Standard deviation of the noise added to both data sets (the 2-D points and the 1-D targets).',
    min: 0,
    max: 0.6,
    step: 0.01,
    default: 0.3,
    digits: 2,
  },
  n: { kind: 'int', label: 'Training points', help: 'For both data sets; the test sets are fixed at 1000 and 400 points.', min: 20, max: 500, step: 10, default: 150 },
  depth: {
    kind: 'int',
    label: 'Weak learner depth (1 = stump)',
    help: 'The same tree depth for all three ensembles.',
    min: 1,
    max: MAX_DEPTH,
    default: 1,
  },
  lr: {
    kind: 'number',
    label: 'Learning rate ν (gradient boosting)',
    help: 'Shrinkage: each new tree is added times ν.',
    min: 0.01,
    max: 1,
    step: 0.05, // log10 units
    scale: 'log',
    default: 0.3,
    digits: 2,
  },
  bootstrap: {
    kind: 'bool',
    label: 'Bagging draws bootstrap samples',
    help: 'Off: every bagged tree sees all the training points once.',
    default: true,
  },
  seed: seedSpec(1),
  round: { kind: 'int', label: 'Round', min: 1, max: MAX_ROUNDS, default: 10 },
} as const);

export type BBParams = Params<typeof schema>;
