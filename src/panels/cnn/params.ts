/**
 * State schema of the cnn panel: every control, its range, default and label. Pure: no React, no
 * DOM. The URL keys are the object keys. Trained weights are never in a link: the link carries the
 * training settings and the seed, and whether to train; the worker replays the training.
 */
import { defineSchema, type Params, seedSpec } from '../../lib/params/schema';
import { PRESETS } from './model';

export const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
/** Longest training a link can ask for. */
export const MAX_STEPS = 2000;
/** Most kernel positions any setting has: (16 + 2·3 − 2 − 1)/1 + 1 = 20 per side. */
export const MAX_POS = 20 * 20 - 1;

export const schema = defineSchema({
  mode: {
    kind: 'choice',
    label: 'What to show',
    options: ['kernel', 'network'],
    optionLabels: { kernel: 'One filter, by hand', network: 'A trained CNN' },
    default: 'kernel',
  },
  digit: {
    kind: 'choice',
    label: 'Input image',
    options: DIGITS,
    optionLabels: Object.fromEntries(DIGITS.map((d) => [d, `Digit ${d}`])),
    default: '3',
  },
  variant: { kind: 'int', label: 'Handwriting', help: '0 is the clean digit; others are jittered like the training images.', min: 0, max: 999, default: 0 },
  // The learner's drawing (modelImage.ts); '' means the example digit above. Untrusted: decoded
  // leniently, never rendered as markup.
  img: { kind: 'text', label: 'Drawing', maxLength: 300, default: '' },
  k: { kind: 'vec', label: 'Kernel', length: 9, min: -10, max: 10, default: [...PRESETS.sobelX], digits: 4 },
  stride: { kind: 'int', label: 'Stride s', help: 'How far the filter moves between outputs.', min: 1, max: 3, default: 1 },
  pad: { kind: 'int', label: 'Padding p', help: 'Rings of zeros added around the input.', min: 0, max: 3, default: 0 },
  dil: { kind: 'int', label: 'Dilation d', help: 'Gaps between the kernel’s taps: it sees a wider region with the same 9 weights.', min: 1, max: 3, default: 1 },
  pool: { kind: 'choice', label: 'Pooling', options: ['max', 'avg'], optionLabels: { max: 'Max pooling', avg: 'Average pooling' }, default: 'max' },
  psize: { kind: 'int', label: 'Pool window', min: 2, max: 3, default: 2 },
  pstride: { kind: 'int', label: 'Pool stride', min: 1, max: 3, default: 2 },
  pos: { kind: 'int', label: 'Kernel position', min: 0, max: MAX_POS, default: 47 },
  f1: { kind: 'int', label: 'Filters in layer 1', min: 1, max: 16, default: 8 },
  f2: { kind: 'int', label: 'Filters in layer 2', min: 1, max: 32, default: 16 },
  lr: { kind: 'number', label: 'Adam step size', min: 1e-4, max: 0.1, step: 0.05, scale: 'log', default: 0.01, digits: 3 },
  steps: { kind: 'int', label: 'Training steps', help: '32 fresh images per step.', min: 50, max: MAX_STEPS, step: 50, default: 400 },
  train: { kind: 'bool', label: 'Trained', default: false },
  seed: seedSpec(1),
} as const);

export type CnnParams = Params<typeof schema>;
