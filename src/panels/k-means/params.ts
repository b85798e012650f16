/**
 * State schema of the k-means panel: every control, its range, default and label. Pure: no
 * React, no DOM. The URL keys are the object keys.
 *
 * `step` counts half-moves of the algorithm: 0 is the start (centres placed, nothing assigned),
 * odd steps are assignments, even steps are updates (step 2t is the update of iteration t).
 * Negative steps are the k-means++ seeding still in progress: at step −m, K − m centres have
 * been picked. `centers` holds centres placed by hand (dragging one in the plot), as
 * "x1,y1,x2,y2,…", and is used when init is "manual".
 */
import { csvParamSpec } from '../../lib/data/ownData';
import { defineSchema, type Params, seedSpec } from '../../lib/params/schema';

export const MAX_K = 10;
/** Iterations recorded at most (a Lloyd run that has not converged by then stops there). */
export const MAX_ITER = 100;
/** Half-moves: an assignment and an update per iteration. */
export const MAX_STEP = 2 * MAX_ITER;
export const MAX_POINTS = 100_000;

export const DATASETS = ['blobs', 'uneven', 'aniso', 'moons', 'outliers', 'csv'] as const;
export type DatasetName = (typeof DATASETS)[number];

export const schema = defineSchema({
  dataset: {
    kind: 'choice',
    label: 'Data set',
    options: DATASETS,
    optionLabels: {
      blobs: 'Round blobs',
      uneven: 'Blobs of uneven size',
      aniso: 'Stretched (anisotropic) blobs',
      moons: 'Two moons',
      outliers: 'Blobs with outliers',
      csv: 'Your CSV data (columns x1, x2)',
    },
    default: 'blobs',
  },
  groups: { kind: 'int', label: 'Blobs in the data', min: 2, max: 8, default: 4 },
  spread: {
    kind: 'number',
    label: 'Blob spread σ',
    help: 'Standard deviation of each blob (for the moons: the noise).',
    min: 0.1,
    max: 2,
    step: 0.05,
    default: 0.6,
    digits: 3,
  },
  n: { kind: 'int', label: 'Number of points', min: 2, max: MAX_POINTS, default: 1000 },
  k: { kind: 'int', label: 'Clusters K', min: 1, max: MAX_K, default: 4 },
  init: {
    kind: 'choice',
    label: 'Initialisation',
    options: ['kmeanspp', 'random', 'manual'],
    optionLabels: { kmeanspp: 'k-means++ (D² sampling)', random: 'Random data points', manual: 'By hand (drag a centre)' },
    default: 'kmeanspp',
  },
  // The learner's own points (dataset=csv): up to 200 rows in the link, see lib/data/ownData.ts.
  csv: csvParamSpec,
  centers: { kind: 'text', label: 'Centres placed by hand', default: '', maxLength: 400 },
  variant: {
    kind: 'choice',
    label: 'Algorithm',
    options: ['lloyd', 'minibatch'],
    optionLabels: { lloyd: 'Lloyd (all points)', minibatch: 'Mini-batch (random batches)' },
    default: 'lloyd',
  },
  batch: {
    kind: 'int',
    label: 'Batch size',
    help: 'Points drawn (without replacement) for each mini-batch iteration.',
    min: 10,
    max: 10_000,
    default: 256,
  },
  engine: {
    kind: 'choice',
    label: 'Distances and assignment',
    help: 'Both give the same clusters; the benchmark compares their speed.',
    options: ['tf', 'js'],
    optionLabels: { tf: 'tfjs (float32)', js: 'Plain typed arrays (float64)' },
    default: 'tf',
  },
  seed: seedSpec(4),
  step: { kind: 'int', label: 'Half-move', min: -(MAX_K - 1), max: MAX_STEP, default: 0 },
} as const);

export type KMeansParams = Params<typeof schema>;
export type InitName = KMeansParams['init'];
