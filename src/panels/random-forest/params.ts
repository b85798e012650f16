/**
 * State schema of the random-forest panel: every control, its range, default and label. The
 * trees count is first (the slider the bench drags). Pure: no React, no DOM. URL keys = keys.
 */
import { defineSchema, type Params, seedSpec } from '../../lib/params/schema';

export const DATASETS = ['moons', 'circles', 'xor', 'blobs'] as const;
export type DatasetName = (typeof DATASETS)[number];

/** Most trees a forest may have, and the deepest max-depth setting (DEPTH_NONE = no limit). */
export const MAX_TREES = 200;
export const DEPTH_NONE = 13;
/** Most extra N(0, 1) noise columns. */
export const MAX_NOISE = 10;

/** Max features per split: √d (scikit-learn's default for forests), all d (plain bagging), or a count. */
export const MAX_FEATURES = ['sqrt', 'all', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] as const;
export type MaxFeatures = (typeof MAX_FEATURES)[number];

export const schema = defineSchema({
  trees: {
    kind: 'int',
    label: 'Trees in the forest',
    min: 1,
    max: MAX_TREES,
    default: 100,
  },
  dataset: {
    kind: 'choice',
    label: 'Data set',
    options: DATASETS,
    optionLabels: { moons: 'Two moons', circles: 'Circles', xor: 'XOR', blobs: 'Two blobs' },
    default: 'moons',
  },
  jitter: {
    kind: 'number',
    label: 'Noise level σ',
    help: 'Gaussian jitter added to each point’s two coordinates.',
    min: 0,
    max: 0.6,
    step: 0.05,
    default: 0.3,
    digits: 2,
  },
  n: {
    kind: 'int',
    label: 'Training points',
    min: 50,
    max: 500,
    step: 10,
    default: 300,
  },
  noise: {
    kind: 'int',
    label: 'Noise features',
    help: 'Extra columns of pure N(0, 1) noise the trees may split on.',
    min: 0,
    max: MAX_NOISE,
    default: 0,
  },
  depth: {
    kind: 'int',
    label: 'Max depth',
    help: 'The right end (13) means no limit: grow until the leaves are pure.',
    min: 1,
    max: DEPTH_NONE,
    default: DEPTH_NONE,
  },
  features: {
    kind: 'choice',
    label: 'Max features per split',
    help: 'How many randomly drawn features each split may choose from.',
    options: MAX_FEATURES,
    optionLabels: { sqrt: '√d (scikit-learn default)', all: 'all d (plain bagging)' },
    default: 'sqrt',
  },
  minSplit: {
    kind: 'int',
    label: 'Min samples to split',
    min: 2,
    max: 50,
    default: 2,
  },
  criterion: {
    kind: 'choice',
    label: 'Split criterion',
    options: ['gini', 'entropy'],
    optionLabels: { gini: 'Gini impurity', entropy: 'Entropy' },
    default: 'gini',
  },
  bootstrap: {
    kind: 'bool',
    label: 'Bootstrap samples',
    help: 'Each tree trains on n points drawn with replacement; off: every tree sees all points.',
    default: true,
  },
  tree: {
    kind: 'int',
    label: 'Tree shown below',
    help: 'Which tree of the forest is drawn, with its own boundary and out-of-bag points.',
    min: 1,
    max: MAX_TREES,
    default: 1,
  },
  seed: seedSpec(1),
} as const);

export type ForestParams = Params<typeof schema>;
