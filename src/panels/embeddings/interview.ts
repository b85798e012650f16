/**
 * Embeddings in an interview (issue 15): the model answer with "show me" states, checks the
 * learner predicts before looking, and what comes next. interview.test.ts trains the panel's
 * model (TrainingRun, as the worker does) at each state and checks every stated answer.
 */
import type { Interview } from '../../lib/panel/types';
import { TRAINED_STEP, type schema } from './params';

export const interview: Interview<typeof schema> = {
  answer: [
    [
      'An embedding maps each item, such as a word, to a short dense vector learned so that items used in similar contexts get similar vectors. ',
      { text: 'One-hot vectors', params: { step: 0 } },
      ' cannot do that: every pair of distinct words is equally far apart.',
    ],
    [
      'Skip-gram with negative sampling learns them by a simple task: for each word, raise the score of the words around it and lower the score of a few random words. ',
      { text: 'After training', params: { step: TRAINED_STEP, picture: 'analogy' } },
      ', neighbours by cosine similarity share a role, and some relations become directions, so king − man + woman lands near queen. The ',
      { text: 'context window', params: { window: 1, step: TRAINED_STEP } },
      ' decides what "similar" means: a narrow one finds words that can replace each other, a wide one finds words about the same topic.',
    ],
    [
      'In practice embeddings compress huge vocabularies and categories into features a model can use, and they are pretrained on lots of text and reused. Judge them by the task they feed, not by analogies alone, and remember that they absorb the biases of their corpus.',
    ],
  ],
  checks: [
    {
      id: 'untrained-analogy',
      question: 'Before any training, where does “queen” rank for king − man + woman?',
      options: ['Nowhere near the top', 'First', 'Second or third'],
      answer: 0,
      state: { step: 0, picture: 'analogy' },
      why: 'The starting vectors are random, so a − b + c points nowhere in particular; the analogy only appears once training has shaped the vectors.',
    },
    {
      id: 'trained-analogy',
      question: 'After the default training run, where does “queen” rank for king − man + woman?',
      options: ['First', 'Second or third', 'Not in the top three'],
      answer: 0,
      state: { step: TRAINED_STEP, picture: 'analogy' },
      why: 'In the generated sentences king and queen share every context except the ones that mark gender, the same as man and woman, so the gender difference becomes one direction.',
    },
    {
      id: 'one-hot',
      question: 'As one-hot vectors, what is the cosine similarity of “king” and “queen”?',
      options: ['Zero', 'One', 'About one half'],
      answer: 0,
      state: { step: TRAINED_STEP, word: 'king' },
      why: 'Two different one-hot vectors have their single one in different places, so their dot product is zero; the one-hot column of the table is zero for every pair.',
    },
  ],
  followUps: [
    {
      question: 'How do transformer embeddings differ from word2vec?',
      answer: 'They are contextual: the vector for a word depends on the whole sentence, computed by attention, so “bank” by a river and “bank” with money differ.',
      slug: 'attention',
    },
    {
      question: 'How would you check embeddings are any good?',
      answer: 'Use them in the task they are for and compare with a baseline; nearest neighbours and analogies are quick sanity checks, not proof.',
    },
  ],
};
