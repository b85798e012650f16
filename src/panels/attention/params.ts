/**
 * State schema of the attention panel: every control, its range, default and label.
 * Pure: no React, no DOM. The URL keys are the object keys.
 */
import { defineSchema, type Params, seedSpec } from '../../lib/params/schema';
import { TASKS } from './task';
import { MAX_CHARS } from './tokens';

/** Widest query/key size per head the d_k slider offers. */
export const MAX_DK = 128;
export const MAX_HEADS = 4;
/** Longest training run a link can ask for (replayed on load). */
export const MAX_STEPS = 400;

/** Example sentences (the option word goes in the URL, the sentence is what is attended over). */
export const EXAMPLES = {
  cat: 'The cat sat on the mat because it was tired.',
  tobe: 'To be, or not to be: that is the question.',
  repeat: 'dog dog dog cat dog dog',
  paper: 'Attention is all you need',
  long: 'Each word asks a question and every word answers with an average of what it holds',
} as const;
export type ExampleName = keyof typeof EXAMPLES;
/** 'custom' means the sentence typed in the field. */
const SENTENCES = [...(Object.keys(EXAMPLES) as ExampleName[]), 'custom'] as const;

export const schema = defineSchema({
  mode: {
    kind: 'choice',
    label: 'What to show',
    options: ['mechanics', 'trained'],
    optionLabels: { mechanics: 'Mechanics (random weights)', trained: 'Trained (live model)' },
    default: 'mechanics',
  },
  sentence: {
    kind: 'choice',
    label: 'Example sentence',
    options: SENTENCES,
    optionLabels: {
      cat: 'The cat sat on the mat…',
      tobe: 'To be, or not to be…',
      repeat: 'dog dog dog cat dog dog',
      paper: 'Attention is all you need',
      long: 'Each word asks a question… (16 tokens)',
      custom: 'Your own sentence (typed below)',
    },
    default: 'cat',
  },
  // The typed sentence, used when sentence = custom. Untrusted: cleaned on every write (here and
  // in tokens.ts) and only ever rendered as text.
  text: { kind: 'text', label: 'Your sentence', maxLength: MAX_CHARS, default: '' },
  dk: {
    kind: 'int',
    label: 'Query/key size d_k',
    help: 'Length of each query and key vector (per head).',
    min: 1,
    max: MAX_DK,
    default: 16,
  },
  heads: { kind: 'int', label: 'Heads', help: 'Independent attention maps, each with its own projections.', min: 1, max: MAX_HEADS, default: 2 },
  head: { kind: 'int', label: 'Head shown', min: 1, max: MAX_HEADS, default: 1 },
  query: {
    kind: 'int',
    label: 'Query token',
    help: 'Whose weights the arcs show (or click a token).',
    min: 1,
    max: 16,
    default: 8,
  },
  causal: { kind: 'bool', label: 'Causal mask', help: 'No token may attend to a later one.', default: false },
  scale: { kind: 'bool', label: 'Divide scores by √d_k', default: true },
  positions: { kind: 'bool', label: 'Add position encodings', help: 'Without them, repeated words are indistinguishable.', default: true },
  task: {
    kind: 'choice',
    label: 'Task',
    options: TASKS,
    optionLabels: { reverse: 'Reverse the digits', copy: 'Copy the digits', shift: 'Rotate left by one' },
    default: 'reverse',
  },
  length: { kind: 'int', label: 'Sequence length', min: 3, max: 8, default: 6 },
  width: { kind: 'int', label: 'Model width d', help: 'Embedding, query, key and value size.', min: 4, max: 32, step: 4, default: 16 },
  lr: { kind: 'number', label: 'Adam step size', min: 3e-4, max: 0.1, step: 0.05, scale: 'log', default: 0.005, digits: 3 },
  step: { kind: 'int', label: 'Training step', min: 0, max: MAX_STEPS, default: 0 },
  sample: { kind: 'int', label: 'Example sequence', min: 0, max: 9999, default: 0 },
  seed: seedSpec(1),
} as const);

export type AttentionParams = Params<typeof schema>;
