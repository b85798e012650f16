/**
 * State schema of the embeddings panel: every control, its range, default and label.
 * Pure: no React, no DOM. The URL keys are the object keys.
 */
import { defineSchema, type Params, seedSpec } from '../../lib/params/schema';
import { MAX_TEXT } from './corpus';

/** Longest training run a link can ask for (replayed on load). */
export const MAX_STEPS = 400;
/** The default run: by this step the built-in corpus's analogies come out right. */
export const TRAINED_STEP = 60;
/** Longest word the word fields take. */
export const MAX_WORD = 24;

const word = (label: string, d: string, help?: string) => ({ kind: 'text', label, maxLength: MAX_WORD, default: d, ...(help ? { help } : {}) }) as const;

export const schema = defineSchema({
  corpus: {
    kind: 'choice',
    label: 'Corpus',
    options: ['builtin', 'custom'],
    optionLabels: { builtin: 'Built-in (generated sentences)', custom: 'Your own text (typed or pasted)' },
    default: 'builtin',
  },
  // The pasted text, used when corpus = custom. Untrusted: capped, stripped of control
  // characters by the schema, split into words, and only ever rendered as text. It rides in the
  // link whole (at most MAX_TEXT characters).
  text: { kind: 'text', label: 'Your text', maxLength: MAX_TEXT, default: '' },
  dim: { kind: 'int', label: 'Dimensions d (vector length)', min: 2, max: 32, default: 16 },
  window: { kind: 'int', label: 'Context window', help: 'Words on each side that count as context.', min: 1, max: 5, default: 2 },
  negatives: {
    kind: 'int',
    label: 'Negatives per pair K',
    help: 'Random words pushed away from each center word.',
    min: 0,
    max: 10,
    default: 5,
  },
  lr: { kind: 'number', label: 'Adam step size', min: 0.001, max: 0.3, step: 0.05, scale: 'log', default: 0.05, digits: 3 },
  picture: {
    kind: 'choice',
    label: 'Picture',
    options: ['all', 'analogy'],
    optionLabels: { all: 'All words', analogy: 'The analogy’s words only' },
    default: 'all',
  },
  step: { kind: 'int', label: 'Training step', min: 0, max: MAX_STEPS, default: 0 },
  word: word('Word', 'king', 'Its nearest neighbours are listed.'),
  a: word('a', 'king'),
  b: word('b', 'man'),
  c: word('c', 'woman'),
  seed: seedSpec(1),
} as const);

export type EmbeddingsParams = Params<typeof schema>;
