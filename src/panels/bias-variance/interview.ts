/**
 * The bias-variance question in an interview (issue 15): the model answer with "show me" states,
 * checks the learner predicts before looking, and what an interviewer asks next. interview.test.ts
 * computes the model at every state and checks each stated answer and quoted number.
 */
import type { Interview } from '../../lib/panel/types';
import type { schema } from './params';

export const interview: Interview<typeof schema> = {
  answer: [
    [
      'The expected error of a model on new data splits into three parts: bias², how far the average fit over many training sets is from the truth; variance, how much one fit moves when the training set changes; and noise, the error no model can remove.',
    ],
    [
      'A model that is too simple has high bias: ',
      { text: 'a straight line misses a sine wave', params: { degree: 1 } },
      ' whichever points it sees. A very flexible one has high variance: ',
      { text: 'a degree-12 polynomial on 20 points', params: { degree: 12 } },
      ' chases the noise and swings from set to set. Test error is lowest in between, where the sum is smallest.',
    ],
    [
      'Variance falls with ',
      { text: 'more data', params: { degree: 12, n: 200 } },
      ' and with ',
      { text: 'regularisation', params: { degree: 12, useRidge: true, lambda: 1 } },
      '; bias falls only with a richer model or better features; ',
      { text: 'noise sets a floor', params: { degree: 3, noise: 0.6 } },
      '. In practice you read it from learning curves: a large gap between training and validation error points to variance, two high curves close together point to bias.',
    ],
  ],
  checks: [
    {
      id: 'degree-15-variance',
      question: '20 noisy points from a sine wave. Going from degree 3 to degree 15, what does the variance do?',
      options: ['It rises sharply', 'It falls', 'It stays about the same'],
      answer: 0,
      state: { degree: 15 },
      why: 'With almost as many coefficients as points, each fit bends through its own noise, so the fits disagree wildly from one training set to the next, most near the edges.',
    },
    {
      id: 'more-data',
      question: 'Keep degree 12 and give each training set 200 points instead of 20. What happens to the variance?',
      options: ['It falls a lot', 'It rises', 'Nothing: variance is a property of the model'],
      answer: 0,
      state: { degree: 12, n: 200 },
      why: 'Variance belongs to a model and a data size together: with ten times the points, the noise averages out inside each fit.',
    },
    {
      id: 'line-dominant-term',
      question: 'Fit a straight line (degree 1) to the sine wave. Which term dominates the expected error?',
      options: ['Bias²', 'Variance', 'Noise'],
      answer: 0,
      state: { degree: 1 },
      why: 'Every line misses the wave the same way, so the average fit is far from the truth while the lines barely move between training sets.',
    },
    {
      id: 'no-noise-cubic',
      question: 'Set the noise to zero and fit a cubic to the sine wave. Is the expected test error zero?',
      options: ['No: bias² is left', 'Yes: without noise the fit is exact', 'No: variance is left'],
      answer: 0,
      state: { degree: 3, noise: 0 },
      why: 'A cubic cannot be a sine wave, so even perfect data leaves a systematic miss; most of what remains is bias².',
    },
  ],
  followUps: [
    {
      question: 'How does regularisation change the tradeoff?',
      answer: 'It shrinks the coefficients, buying a little bias for a large drop in variance; the strength λ is chosen by cross-validation.',
      slug: 'regularization',
    },
    {
      question: 'How would you tell which one your model suffers from?',
      answer: 'Compare training and validation error: high training error means bias; low training but high validation error means variance. Learning curves show it as data grows.',
      slug: 'overfitting',
    },
    {
      question: 'Do ensembles help with bias or variance?',
      answer: 'Bagging averages many high-variance models and cuts variance; boosting adds weak models in sequence and mainly cuts bias.',
      slug: 'bagging-boosting',
    },
  ],
};
