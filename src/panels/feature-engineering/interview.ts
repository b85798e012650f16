/**
 * Feature engineering in an interview (issue 15): the model answer with "show me" states, checks
 * the learner predicts before looking, and what comes next. interview.test.ts computes each case
 * at its state and checks every stated answer.
 */
import type { Interview } from '../../lib/panel/types';
import type { schema } from './params';

export const interview: Interview<typeof schema> = {
  answer: [
    [
      'Feature engineering turns raw columns into inputs that make the pattern easy for the model you have. A linear model can only add up its inputs, so the right transform often matters more than the choice of model: ',
      { text: 'one squared-radius column lets logistic regression draw a circle', params: { case: 'circles' } },
      '.',
    ],
    [
      'The usual moves: a log for skewed positive values; ',
      { text: 'sine and cosine for cyclic values such as the hour', params: { case: 'hour' } },
      '; ',
      { text: 'one-hot columns for categories', params: { case: 'category' } },
      ', because label codes invent an order; bins or splines for effects that bend; products for effects that combine; and ',
      { text: 'scaling for models that use distances or gradients', params: { case: 'scaling', spread: 1000 } },
      '.',
    ],
    [
      'Learn every transform (its mean, its bin edges, its list of categories) from the training data only, inside the cross-validation loop, or the test score leaks. Trees need little of this, since they split on order and combine features themselves; linear models, nearest neighbours and neural networks need more.',
    ],
  ],
  checks: [
    {
      id: 'hour',
      question: 'Predict a value that follows the hour of day with a straight-line model. Which input scores higher on test data: the raw hour (0 to 23), or its sine and cosine?',
      options: ['Sine and cosine', 'The raw hour', 'About the same'],
      answer: 0,
      state: { case: 'hour' },
      why: 'As a number, 23:00 and 01:00 are far apart; on the circle of sine and cosine they are neighbours, so a linear model can follow a daily cycle.',
    },
    {
      id: 'scaling-knn',
      question: 'Feature 2 is measured in units 1000 times smaller than feature 1. Does standardising both change what nearest neighbours score?',
      options: ['Yes: accuracy rises clearly', 'No: nearest neighbours do not care about units', 'Yes: accuracy falls'],
      answer: 0,
      state: { case: 'scaling', spread: 1000 },
      why: 'Distances are dominated by the feature with the largest numbers, so before scaling the neighbours are chosen by one feature alone.',
    },
    {
      id: 'one-hot',
      question: 'Six occupations, coded alphabetically as 0 to 5 or as one column each. Which explains more of the log wage in a linear model?',
      options: ['One column per occupation', 'The single code', 'Neither explains anything'],
      answer: 0,
      state: { case: 'category' },
      why: 'A single code forces the wage to rise or fall steadily from one occupation to the next in alphabetical order; one-hot columns give each occupation its own level.',
    },
  ],
  followUps: [
    {
      question: 'How do you encode a category with thousands of values?',
      answer: 'Hashing into a fixed number of columns, target encoding computed out of fold, or a learned embedding.',
      slug: 'embeddings',
    },
    {
      question: 'Why must imputation and scaling be fitted inside cross-validation?',
      answer: 'Fitted on all rows, they carry information from the validation folds into training, and the score comes out optimistic.',
      slug: 'missing-data',
    },
  ],
};
