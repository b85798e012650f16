/**
 * State schema of the deployment panel: the part shown and every control of each part, with its
 * range, default and label. Pure: no React, no DOM. The URL keys are the object keys. A model
 * loaded in "Your model" is not in the link (it lives in this browser); serving it writes its
 * measured latency into the simulator's controls, which are.
 */
import { defineSchema, type Params, seedSpec } from '../../lib/params/schema';

export const PARTS = ['serve', 'drift', 'ab', 'model'] as const;
export type Part = (typeof PARTS)[number];

export const PART_LABELS: Record<Part, string> = {
  serve: 'Serving',
  drift: 'Drift monitor',
  ab: 'A/B rollout',
  model: 'Your model',
};

/** Time windows of a simulated run: the player's steps. */
export const SIM_WINDOWS = 60;
/** Windows of the drift monitor's stream. */
export const DRIFT_WINDOWS = 40;

export const schema = defineSchema({
  part: { kind: 'choice', label: 'Part', options: PARTS, optionLabels: PART_LABELS, default: 'serve' },
  // Serving simulator.
  rate: {
    kind: 'number',
    label: 'Requests per second',
    help: 'Poisson arrivals.',
    min: 1,
    max: 1e7,
    step: 0.02,
    scale: 'log',
    default: 150,
    digits: 3,
  },
  replicas: { kind: 'int', label: 'Replicas', min: 1, max: 16, default: 2 },
  maxBatch: {
    kind: 'int',
    label: 'Max batch size',
    help: '1: no batching. A free replica takes a batch once this many wait, or once the oldest has waited the max wait.',
    min: 1,
    max: 64,
    default: 8,
  },
  maxWait: { kind: 'number', label: 'Max wait for a batch (ms)', min: 0, max: 100, step: 1, default: 5, digits: 3 },
  fixed: {
    kind: 'number',
    label: 'Batch latency: fixed part (ms)',
    help: 'Paid once per batch, whatever its size (launch, copies, framework).',
    min: 1e-4,
    max: 1000,
    step: 0.05,
    scale: 'log',
    default: 20,
    digits: 3,
  },
  perItem: {
    kind: 'number',
    label: 'Batch latency: per request (ms)',
    min: 1e-4,
    max: 1000,
    step: 0.05,
    scale: 'log',
    default: 4,
    digits: 3,
  },
  dist: {
    kind: 'choice',
    label: 'Latency distribution',
    options: ['lognormal', 'exp', 'constant'],
    optionLabels: { lognormal: 'log-normal (median as set)', exp: 'exponential (mean as set)', constant: 'constant' },
    default: 'lognormal',
  },
  spread: { kind: 'number', label: 'Log-normal spread σ', min: 0, max: 1.5, step: 0.05, default: 0.3, digits: 3 },
  queue: { kind: 'int', label: 'Queue limit (then reject)', min: 1, max: 10000, step: 1, default: 500 },
  requests: {
    kind: 'number',
    label: 'Simulated requests',
    min: 1000,
    max: 1e6,
    step: 0.05,
    scale: 'log',
    default: 20000,
    digits: 2,
  },
  t: { kind: 'int', label: 'Time window shown', min: 1, max: SIM_WINDOWS, default: 30 },
  // Drift monitor.
  drift: {
    kind: 'choice',
    label: 'Drift',
    options: ['sudden', 'gradual'],
    optionLabels: { sudden: 'sudden', gradual: `gradual (over 10 windows)` },
    default: 'gradual',
  },
  shift: { kind: 'number', label: 'Shift of x (standard deviations)', min: 0, max: 3, step: 0.1, default: 1.5, digits: 3 },
  start: { kind: 'int', label: 'Drift starts at window', min: 1, max: DRIFT_WINDOWS, default: 15 },
  window: { kind: 'int', label: 'Rows per window', min: 50, max: 5000, step: 50, default: 500 },
  threshold: { kind: 'number', label: 'PSI alert threshold', min: 0.02, max: 1, step: 0.01, default: 0.2, digits: 3 },
  w: { kind: 'int', label: 'Window shown', min: 1, max: DRIFT_WINDOWS, default: DRIFT_WINDOWS },
  // A/B rollout.
  split: { kind: 'number', label: 'Traffic to B', min: 0.05, max: 0.95, step: 0.05, default: 0.5, digits: 3 },
  pA: { kind: 'number', label: 'True conversion of A', min: 0.01, max: 0.9, step: 0.01, default: 0.1, digits: 3 },
  pB: { kind: 'number', label: 'True conversion of B', min: 0.01, max: 0.9, step: 0.01, default: 0.12, digits: 3 },
  visitors: {
    kind: 'number',
    label: 'Visitors',
    min: 100,
    max: 1e6,
    step: 0.05,
    scale: 'log',
    default: 10000,
    digits: 2,
  },
  alpha: { kind: 'number', label: 'Significance level α', min: 0.001, max: 0.2, step: 0.001, default: 0.05, digits: 3 },
  power: { kind: 'number', label: 'Power (for the sample size)', min: 0.5, max: 0.99, step: 0.01, default: 0.8, digits: 3 },
  seed: seedSpec(11),
} as const);

export type DeployParams = Params<typeof schema>;
