/**
 * Missing data in an interview (issue 15): the model answer with "show me" states, checks the
 * learner predicts before looking, and what comes next. interview.test.ts runs the study at each
 * state and checks every stated answer.
 */
import type { Interview } from '../../lib/panel/types';
import type { schema } from './params';

export const interview: Interview<typeof schema> = {
  answer: [
    [
      'First ask why the values are missing. Completely at random: the gaps have nothing to do with the data, and dropping rows only costs data. At random: what goes missing depends on columns you observe, so ',
      { text: 'a model that uses those columns can fill the gaps without bias', params: { mechanism: 'mar', method: 'regression' } },
      '. Not at random: it depends on the missing value itself, and ',
      { text: 'nothing observed can fully fix it', params: { mechanism: 'mnar', method: 'iterative' } },
      '.',
    ],
    [
      'Simple fills have a price: ',
      { text: 'mean imputation shrinks the variance', params: { mechanism: 'mcar', method: 'mean' } },
      ' and weakens correlations. Model-based imputation (regression, nearest neighbours, chained regressions) keeps more structure, but ',
      { text: 'filling on a fitted line can exaggerate a correlation', params: { mechanism: 'mcar', method: 'iterative', rate: 0.5 } },
      '.',
    ],
    [
      'In practice, learn the imputer on the training rows only, because ',
      { text: 'imputing before the split flatters the test error', params: { method: 'iterative', split: 'before' } },
      '; add missing-indicator columns when a gap may itself be informative; and compare methods by the downstream score you care about, not by how plausible the filled values look.',
    ],
  ],
  checks: [
    {
      id: 'mean-variance',
      question: 'Values of y go missing completely at random and you fill each gap with the mean. What happens to the variance of y?',
      options: ['It falls', 'It stays the same', 'It rises'],
      answer: 0,
      state: { mechanism: 'mcar', method: 'mean' },
      why: 'Every filled value sits exactly on the mean and adds nothing to the spread, so the variance of the filled column is too small.',
    },
    {
      id: 'mar-regression',
      question: 'A fully observed column z decides which values of y go missing. Which fill gets the mean of y right?',
      options: ['Regression on the observed columns', 'Mean imputation', 'Both do'],
      answer: 0,
      state: { mechanism: 'mar', method: 'regression' },
      why: 'The observed y are not a fair sample: they come mostly from some values of z. Regression on z fills each gap with what that z predicts, which undoes the skew.',
    },
    {
      id: 'before-split',
      question: 'You impute using the whole table, target included, and only then split into training and test rows. Compared with imputing after the split, the test error looks…',
      options: ['Better than it should', 'Worse', 'The same'],
      answer: 0,
      state: { method: 'iterative', split: 'before' },
      why: 'The test rows’ targets helped fill their own gaps, so the model is scored on values that already contain the answer.',
    },
  ],
  followUps: [
    {
      question: 'Why can gradient-boosted trees work with missing values directly?',
      answer: 'At each split they learn which side the missing rows should go to, which also lets them use the gap itself as a signal.',
      slug: 'random-forest',
    },
    {
      question: 'How do you keep imputation from leaking in cross-validation?',
      answer: 'Put it inside the pipeline, so each fold fits the imputer on its own training rows.',
      slug: 'cross-validation',
    },
  ],
};
