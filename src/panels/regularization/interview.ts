/**
 * The regularization question in an interview (issue 15): the model answer with "show me" states,
 * checks the learner predicts before looking, and what an interviewer asks next. interview.test.ts
 * runs the panel's model (runRegularization, as a link opens the state) at every state and checks
 * each stated answer and quoted number.
 */
import type { Interview } from '../../lib/panel/types';
import type { schema } from './params';

/** Three near-copy features with equal true weights (the "Try this" data of the correlated block). */
const COPIES = { p: 10, n: 40, k: 3, noise: 1.5, rho: 0.99, seed: 9, lambda: 1 } as const;
/** More features than samples, few of which matter. */
const WIDE = { p: 60, n: 20, noise: 0.5, lambda: 0.1 } as const;

export const interview: Interview<typeof schema> = {
  answer: [
    [
      'Regularisation adds a penalty on the size of the weights to the training loss. It trades a little bias for less variance, so a well-chosen strength λ ',
      { text: 'lowers the test error', params: { lambda: 0.16 } },
      '; too much ',
      { text: 'sets every weight to zero', params: { lambda: 10 } },
      ' and the model predicts the mean. λ is chosen by cross-validation.',
    ],
    [
      'L2 (ridge) penalises the sum of squared weights: it ',
      { text: 'shrinks all weights but sets none to zero', params: { penalty: 'l2', lambda: 1 } },
      '. L1 (lasso) penalises the sum of absolute values: it ',
      { text: 'sets many weights exactly to zero', params: { penalty: 'l1' } },
      ', so it also selects features. The reason is geometric: the L1 constraint region is a diamond with corners on the axes, and the loss contours usually touch it first at a corner, where a weight is zero; the L2 ball is round and has no corners.',
    ],
    [
      'With correlated features the lasso ',
      { text: 'keeps one of the group', params: COPIES },
      ' and drops the rest, somewhat arbitrarily; the elastic net, which mixes both penalties, ',
      { text: 'keeps the group together', params: { ...COPIES, penalty: 'elasticnet', mix: 0.3 } },
      '. With ',
      { text: 'more features than samples', params: WIDE },
      ' a penalty is what makes the fit unique at all, and when few features matter the lasso usually does far better than ridge. Standardise the features first: the penalty treats every weight alike, so their units must be comparable.',
    ],
  ],
  checks: [
    {
      id: 'ridge-zeros',
      question: 'Ridge at λ = 1 on 20 features, only 5 of which matter. How many weights come out exactly zero?',
      options: ['None', 'The 15 that do not matter', 'All 20'],
      answer: 0,
      state: { penalty: 'l2', lambda: 1 },
      why: 'The squared penalty’s slope vanishes at zero, so keeping a tiny weight costs almost nothing: ridge shrinks every weight towards zero but never onto it, at any λ. The non-zero count stays at the number of features.',
    },
    {
      id: 'lasso-copies',
      question: 'The first three features are near copies (correlation 0.99) with equal true weights. What does the lasso at λ = 1 do with them?',
      options: ['Keeps one and drops the other two', 'Keeps all three with similar weights', 'Drops all three'],
      answer: 0,
      state: COPIES,
      why: 'For the L1 penalty one large weight costs the same as the same total split over the copies, so nothing rewards sharing: small differences in the sample pick one copy, and the others sit at exactly zero. The elastic net’s squared part makes sharing cheaper.',
    },
    {
      id: 'wide-sparse',
      question: '60 features, 20 samples, 5 of them matter. Which penalty reaches the lower test error at its best λ?',
      options: ['L1 (lasso)', 'L2 (ridge)', 'Neither: both do about equally badly'],
      answer: 0,
      state: WIDE,
      why: 'With a sparse truth the lasso keeps the features that matter and zeroes most of the rest; ridge spreads weight over every feature and stays far worse at every λ. Switch the penalty to compare the error curves.',
    },
    {
      id: 'lambda-u',
      question: 'On the default data, how does the lasso’s test error change as λ grows from 10⁻⁴ to 100?',
      options: ['It falls, then rises', 'It only falls', 'It only rises'],
      answer: 0,
      state: { penalty: 'l1', lambda: 0.16 },
      why: 'A tiny λ leaves the fit chasing the noise (variance); a large one shrinks or zeroes the weights that matter (bias). The lowest test error lies in between, where the slider now sits.',
    },
  ],
  followUps: [
    {
      question: 'How do you choose λ?',
      answer: 'By cross-validation over a grid on a log scale; many take the largest λ whose error is within one standard error of the best, for a simpler model. Fit the scaler inside each fold, not on all the data.',
      slug: 'cross-validation',
    },
    {
      question: 'What is the Bayesian view of these penalties?',
      answer: 'Ridge is the most probable weight vector (MAP) under a Gaussian prior on the weights, the lasso under a Laplace prior, whose sharp peak at zero is what gives exact zeros. A stronger penalty means a narrower prior.',
    },
    {
      question: 'What else acts as regularisation in a neural network?',
      answer: 'Weight decay (an L2 penalty), dropout, early stopping, data augmentation and a smaller network all limit how closely the model can fit the noise in its training set.',
      slug: 'overfitting',
    },
  ],
};
