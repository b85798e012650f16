/**
 * State schema of the learning-paradigms panel: the mode (which feedback the learner gets), the
 * shared data set, each mode's controls, the grid world (its layout as a short text, see
 * gridworld.ts) and the steps (label-spreading iteration; Q-learning episode and move). Pure: no
 * React, no DOM. URL keys = keys.
 */
import { defineSchema, type Params, seedSpec } from '../../lib/params/schema';

export const MODES = ['supervised', 'unsupervised', 'semi', 'reinforcement'] as const;
export type Mode = (typeof MODES)[number];
export const DATASETS = ['moons', 'circles', 'blobs'] as const;
export type DatasetName = (typeof DATASETS)[number];

/** Most label-spreading iterations (scikit-learn's max_iter default). */
export const MAX_ITER = 1000;
/** Most Q-learning episodes a link may ask for, and moves per episode before it is cut off. */
export const MAX_EPISODES = 1000;
export const MAX_MOVES = 100;
/** The default layout: '.' free, 'x' wall, 'g' goal (+1, ends), 'p' pit (−1, ends), 's' start; rows joined by '-'. */
export const DEFAULT_GRID = '...x.g-.x...p-.x.x..-s..x..';

export const schema = defineSchema({
  mode: {
    kind: 'choice',
    label: 'Feedback',
    options: MODES,
    optionLabels: { supervised: 'Supervised', unsupervised: 'Unsupervised', semi: 'Semi-supervised', reinforcement: 'Reinforcement' },
    default: 'semi',
  },
  labelled: {
    kind: 'int',
    label: 'Labelled points',
    help: 'How many points keep their label; the rest are hidden (at least one per class).',
    min: 2,
    max: 60,
    default: 6,
  },
  method: {
    kind: 'choice',
    label: 'Method',
    options: ['propagation', 'spreading'],
    optionLabels: { propagation: 'Label propagation (labels clamped)', spreading: 'Label spreading (α)' },
    default: 'propagation',
  },
  gamma: {
    kind: 'number',
    label: 'RBF kernel γ',
    help: 'Affinity exp(−γ‖a − b‖²): larger γ, only near points talk.',
    min: 0.5,
    max: 200,
    step: 0.05,
    scale: 'log',
    default: 40,
    digits: 3,
  },
  alpha: {
    kind: 'number',
    label: 'Spreading α',
    help: 'Share of each point’s label taken from its neighbours each iteration (the rest from its given label).',
    min: 0.01,
    max: 0.99,
    step: 0.01,
    default: 0.2,
    digits: 2,
  },
  iter: { kind: 'int', label: 'Iteration', min: 0, max: MAX_ITER, default: 40 },
  clf: {
    kind: 'choice',
    label: 'Classifier',
    options: ['knn', 'logistic'],
    optionLabels: { knn: 'k nearest neighbours', logistic: 'Logistic regression' },
    default: 'knn',
  },
  k: { kind: 'int', label: 'Neighbours k', min: 1, max: 30, default: 5 },
  clusters: { kind: 'int', label: 'k-means clusters', min: 1, max: 8, default: 2 },
  eps: {
    kind: 'number',
    label: 'DBSCAN eps',
    help: 'Neighbourhood radius.',
    min: 0.02,
    max: 1,
    step: 0.01,
    default: 0.2,
    digits: 2,
  },
  minPts: {
    kind: 'int',
    label: 'DBSCAN min samples',
    help: 'Points within eps (itself included) that make a point a core point.',
    min: 1,
    max: 30,
    default: 5,
  },
  dataset: {
    kind: 'choice',
    label: 'Data set',
    options: DATASETS,
    optionLabels: { moons: 'Two moons', circles: 'Circles', blobs: 'Three blobs' },
    default: 'moons',
  },
  n: { kind: 'int', label: 'Points', min: 30, max: 400, step: 10, default: 200 },
  noise: {
    kind: 'number',
    label: 'Noise σ',
    help: 'Gaussian jitter of every point.',
    min: 0,
    max: 0.4,
    step: 0.01,
    default: 0.1,
    digits: 2,
  },
  grid: {
    kind: 'text',
    label: 'Grid world',
    help: 'Rows joined by "-": . free, x wall, g goal, p pit, s start.',
    default: DEFAULT_GRID,
    maxLength: 80,
  },
  stepReward: {
    kind: 'number',
    label: 'Reward per move',
    help: 'Given for every move that does not end in a goal (+1) or a pit (−1).',
    min: -0.5,
    max: 0.2,
    step: 0.01,
    default: -0.04,
    digits: 2,
  },
  epsilon: {
    kind: 'number',
    label: 'Exploration ε',
    help: 'Chance of a random move instead of the best known one.',
    min: 0,
    max: 1,
    step: 0.01,
    default: 0.2,
    digits: 2,
  },
  lr: { kind: 'number', label: 'Learning rate', min: 0.01, max: 1, step: 0.01, default: 0.5, digits: 2 },
  discount: { kind: 'number', label: 'Discount γ', min: 0, max: 0.99, step: 0.01, default: 0.9, digits: 2 },
  slip: {
    kind: 'number',
    label: 'Slip probability',
    help: 'Chance a move goes sideways (either side equally) instead of where the agent chose.',
    min: 0,
    max: 0.5,
    step: 0.01,
    default: 0,
    digits: 2,
  },
  episode: { kind: 'int', label: 'Episode', min: 0, max: MAX_EPISODES, default: 30 },
  move: { kind: 'int', label: 'Move', min: 0, max: MAX_MOVES, default: 0 },
  seed: seedSpec(1),
} as const);

export type LpParams = Params<typeof schema>;
