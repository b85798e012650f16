/**
 * State schema of the backpropagation panel: a 2-3-1 network's inputs, target, all 13 parameters,
 * the activation, the output/loss pair, the learning rate, the selected parameter and the step.
 * Pure: no React, no DOM, no tfjs. The URL keys are the object keys; weight lists are
 * comma-joined (W1 row by row: hidden unit 1's two weights first).
 */
import { defineSchema, type Params, seedSpec } from '../../lib/params/schema';
import { stream } from '../../lib/random/rng';

export const ACTIVATIONS = ['sigmoid', 'tanh', 'relu'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

/** Output unit and loss together: cross-entropy only makes sense on a probability. */
export const HEADS = ['linear-mse', 'sigmoid-mse', 'sigmoid-ce'] as const;
export type Head = (typeof HEADS)[number];

/** Updates the step param can reach. */
export const MAX_UPDATES = 100;
/**
 * Stages of one update, one node at a time: 0 weights and inputs, 1-3 hidden units, 4 output,
 * 5 loss (forward); 6 output, 7-9 hidden units (backward). The next stage is the update itself,
 * which is stage 0 of the next update.
 */
export const STAGES = 10;
export const MAX_STEP = MAX_UPDATES * STAGES + STAGES - 1;

export const WEIGHT_MAX = 10;

/** The 13 parameters by name, in the order of the gradient table: W1 (hidden j, input i), b1, W2, b2. */
export const PARAM_NAMES = ['W1_11', 'W1_12', 'W1_21', 'W1_22', 'W1_31', 'W1_32', 'b1_1', 'b1_2', 'b1_3', 'W2_1', 'W2_2', 'W2_3', 'b2'] as const;
export type ParamName = (typeof PARAM_NAMES)[number];

/** Weights drawn for a seed: N(0, 0.8²) weights, N(0, 0.1²) biases, rounded to 2 decimals so the link stays readable. */
export function drawWeights(seed: number): { W1: number[]; b1: number[]; W2: number[]; b2: number } {
  const r = stream(seed, 'init');
  const w = (sd: number) => Math.round(r.normal() * sd * 100) / 100 + 0; // no -0
  const W1 = Array.from({ length: 6 }, () => w(0.8));
  const b1 = Array.from({ length: 3 }, () => w(0.1));
  const W2 = Array.from({ length: 3 }, () => w(0.8));
  return { W1, b1, W2, b2: w(0.1) };
}

const SEED0 = 1;
const D = drawWeights(SEED0);

const weights = (label: string, length: number, def: number[], help: string) =>
  ({ kind: 'vec', label, help, length, min: -WEIGHT_MAX, max: WEIGHT_MAX, default: def, digits: 4 }) as const;

export const schema = defineSchema({
  x1: { kind: 'number', label: 'Input x₁', min: -3, max: 3, step: 0.05, default: 1, digits: 3 },
  x2: { kind: 'number', label: 'Input x₂', min: -3, max: 3, step: 0.05, default: -0.5, digits: 3 },
  target: {
    kind: 'number',
    label: 'Target t',
    help: 'With cross-entropy a target outside 0…1 is clipped into it.',
    min: -2,
    max: 2,
    step: 0.05,
    default: 1,
    digits: 3,
  },
  activation: {
    kind: 'choice',
    label: 'Hidden activation φ',
    options: ACTIVATIONS,
    optionLabels: { sigmoid: 'Sigmoid', tanh: 'Tanh', relu: 'ReLU' },
    default: 'tanh',
  },
  head: {
    kind: 'choice',
    label: 'Output and loss',
    options: HEADS,
    optionLabels: {
      'linear-mse': 'Linear output, squared error ½(ŷ − t)²',
      'sigmoid-mse': 'Sigmoid output, squared error ½(ŷ − t)²',
      'sigmoid-ce': 'Sigmoid output, binary cross-entropy',
    },
    default: 'sigmoid-ce',
  },
  lr: { kind: 'number', label: 'Learning rate η', min: 0.001, max: 50, step: 0.05, scale: 'log', default: 0.5, digits: 3 },
  W1: weights('W1 (3×2)', 6, D.W1, 'Row j holds hidden unit j’s weights from x₁ and x₂.'),
  b1: weights('b1', 3, D.b1, 'Biases of the three hidden units.'),
  W2: weights('W2 (1×3)', 3, D.W2, 'Weights from h₁, h₂, h₃ to the output.'),
  b2: { kind: 'number', label: 'b2', min: -WEIGHT_MAX, max: WEIGHT_MAX, step: 0.1, default: D.b2, digits: 4 },
  sel: {
    kind: 'choice',
    label: 'Selected parameter',
    options: PARAM_NAMES,
    default: 'W1_11',
  },
  step: { kind: 'int', label: 'Step', min: 0, max: MAX_STEP, default: STAGES - 1 },
  seed: seedSpec(SEED0),
} as const);

export type BPParams = Params<typeof schema>;
