import { definePanel } from '../../lib/panel/types';
import { store } from './store';
import { Explanation } from './Explanation';
import { EmbeddingsView } from './EmbeddingsView';
import { interview } from './interview';
import { TRAINED_STEP } from './params';
import { SAMPLE_TEXT } from './sampleText';

export default definePanel({
  store,
  // The skip-gram model trains in the panel's worker; the page only draws.
  usesTf: 'worker',
  Explanation,
  View: EmbeddingsView,
  interview,
  experiments: [
    {
      title: 'Train to step 60',
      params: { step: TRAINED_STEP, picture: 'analogy' },
      notice: 'king − man + woman now ranks queen first: the arrow from woman runs parallel to the one from man to king and ends nearest to queen. Rewind and press play to watch it form.',
    },
    {
      title: 'A window of 1',
      params: { window: 1, step: TRAINED_STEP },
      notice: 'King never sees “his”, two words away, so king and queen get the same contexts and almost the same vector: cosine 0.97.',
    },
    {
      title: 'A window of 5',
      params: { window: 5, step: TRAINED_STEP },
      notice: 'Whole sentences are context now: king’s nearest neighbours include words it appears with (throne, guards, wise), not only words used like it.',
    },
    {
      title: 'Too few dimensions',
      params: { dim: 2, step: TRAINED_STEP },
      notice: 'In 2 dimensions the groups cannot keep apart: the mean cosine of two distinct words is 0.90, and king − man + woman no longer finds queen.',
    },
    {
      title: 'No negatives',
      params: { negatives: 0, step: TRAINED_STEP },
      notice: 'The loss falls below 0.01 just by making the scores of real pairs large, but nothing pushes unrelated words apart: walked − walk + swim no longer ranks swam first.',
    },
    {
      title: 'Train on a text of your own',
      params: { corpus: 'custom', text: SAMPLE_TEXT, step: TRAINED_STEP, word: 'cat', a: 'cat', b: 'mouse', c: 'dog' },
      notice: 'Even this short text puts dog and mouse nearest to cat: they fill the same places in its sentences. Further down, the list changes with the seed, and analogies need far more text.',
    },
  ],
});
