/**
 * State schema of the precision-recall panel: every control, its range, default and label.
 * Pure: no React, no DOM. The URL keys are the object keys.
 */
import { csvParamSpec } from '../../lib/data/ownData';
import { defineSchema, type Params, seedSpec } from '../../lib/params/schema';

/** Range of the decision threshold (scores are log-odds-like: 0 is "even odds"). */
export const THRESHOLD_RANGE: readonly [number, number] = [-8, 8];

export const schema = defineSchema({
  data: {
    kind: 'choice',
    label: 'Scores from',
    help: 'Two overlapping normal score distributions, a spam filter trained here on real emails, or your own scores.',
    options: ['synthetic', 'spam', 'csv'],
    optionLabels: { synthetic: 'Synthetic: two normal classes', spam: 'Real: SpamAssassin emails', csv: 'Your CSV data (score, label)' },
    default: 'synthetic',
  },
  threshold: {
    kind: 'number',
    label: 'Threshold',
    help: 'Predict positive when the score is at or above it.',
    min: THRESHOLD_RANGE[0],
    max: THRESHOLD_RANGE[1],
    step: 0.05,
    default: 0,
    digits: 3,
  },
  prevalence: {
    kind: 'number',
    label: 'Positives (class balance)',
    help: 'Share of positives (spam) among the examples scored.',
    min: 0.001,
    max: 0.99,
    step: 0.05, // log10 units
    scale: 'log',
    default: 0.1,
    digits: 3,
  },
  separation: {
    kind: 'number',
    label: 'Class separation d′',
    help: 'Distance between the two class means, in standard deviations.',
    min: 0,
    max: 5,
    step: 0.05,
    default: 2,
    digits: 3,
  },
  n: {
    kind: 'number',
    label: 'Examples drawn',
    min: 20,
    max: 20000,
    step: 0.1, // log10 units
    scale: 'log',
    default: 2000,
    digits: 2,
  },
  beta: {
    kind: 'number',
    label: 'F-beta: β',
    help: 'β > 1 weighs recall more, β < 1 precision. The PR plot shows lines of equal F-beta.',
    min: 0.1,
    max: 10,
    step: 0.05, // log10 units
    scale: 'log',
    default: 1,
    digits: 3,
  },
  costRatio: {
    kind: 'number',
    label: 'Cost ratio FP : FN',
    help: 'How many false negatives one false positive costs (r).',
    min: 0.01,
    max: 100,
    step: 0.05, // log10 units
    scale: 'log',
    default: 1,
    digits: 3,
  },
  hist: {
    kind: 'choice',
    label: 'Score plot shows',
    options: ['count', 'density'],
    optionLabels: { count: 'Counts (true class sizes)', density: 'Each class scaled to area 1' },
    default: 'count',
  },
  // The learner's own scores (data=csv): up to 200 rows in the link, see lib/data/ownData.ts.
  csv: csvParamSpec,
  seed: seedSpec(1),
} as const);

export type PrParams = Params<typeof schema>;
