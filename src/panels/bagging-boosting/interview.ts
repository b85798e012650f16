/**
 * Bagging and boosting in an interview (issue 15): the model answer with "show me" states, checks
 * the learner predicts before looking, and what an interviewer asks next. interview.test.ts fits
 * the panel's ensembles at every state and checks each stated answer.
 */
import type { Interview } from '../../lib/panel/types';
import type { schema } from './params';

export const interview: Interview<typeof schema> = {
  answer: [
    [
      'Both combine many models, usually trees. Bagging fits each tree independently on a bootstrap sample, drawn with replacement, and averages their votes: trees that err in different ways cancel, so bagging mainly cuts variance, and ',
      { text: 'the average of bootstrap trees errs far less than a single tree', params: { dataset: 'circles', n: 80, noise: 0.2, depth: 3, round: 200 } },
      '. The diversity comes from the resampling: ',
      { text: 'without it every tree is the same tree', params: { bootstrap: false, depth: 3, round: 50 } },
      '. Random forests also pick a random subset of features at each split.',
    ],
    [
      'Boosting fits learners in sequence, each one aimed at what the ensemble so far gets wrong: AdaBoost raises the weights of misclassified points, gradient boosting fits each new tree to the residuals (for squared error, the negative gradient of the loss). It mainly cuts bias: ',
      { text: 'averaging stumps keeps their bias, while boosting the same stumps follows the moons', params: { round: 200 } },
      '.',
    ],
    [
      'The price is that boosting can overfit: ',
      { text: 'on noisy data AdaBoost’s test error turns up', params: { noise: 0.5, round: 200 } },
      ' while its training error keeps falling, and ',
      { text: 'a large learning rate', params: { depth: 3, lr: 1, round: 200 } },
      ' makes gradient boosting fit the noise within a few trees. So boost with shrinkage and early stopping on validation data; bag a model that is flexible but unstable.',
    ],
  ],
  checks: [
    {
      id: 'bagged-stumps',
      question: 'Bag 200 decision stumps on the two moons. Compared with a single stump, what happens to the training error?',
      options: ['It falls close to zero', 'It barely moves', 'It rises'],
      answer: 1,
      state: { round: 200 },
      why: 'Every bootstrap sample has nearly the same best split, so the stumps are near copies and their average draws much the same boundary as one of them: averaging removes variance, not the bias of a learner too simple for the moons.',
    },
    {
      id: 'xor-stumps',
      question: 'On XOR data (four quadrants), boost stumps with AdaBoost for 200 rounds. Where does the test error end up?',
      options: ['Close to zero', 'In between: lower, but far from zero', 'Near chance'],
      answer: 2,
      state: { dataset: 'xor', noise: 0.1, round: 200 },
      why: 'A stump splits on one feature, so a vote of stumps is a step function of x₁ plus one of x₂, and no such sum separates the quadrants. Trees of depth 2 can split on both, and then boosting succeeds.',
    },
    {
      id: 'ada-noise',
      question: 'Raise the noise to 0.5 and let AdaBoost run 200 rounds. What does its test error do as the rounds go by?',
      options: ['It reaches a minimum early, then rises', 'It keeps falling', 'It never gets below a single stump’s'],
      answer: 0,
      state: { noise: 0.5, round: 200 },
      why: 'The reweighting piles weight onto points on the wrong side of the true boundary, and later stumps bend the boundary to fit them: training error keeps falling while test error climbs. Stop early, on validation data.',
    },
    {
      id: 'no-bootstrap',
      question: 'Turn off the bootstrap, so every bagged tree sees all the training points once. What does adding trees do?',
      options: ['It still cuts the variance', 'Nothing: every tree is the same', 'It lowers the bias instead'],
      answer: 1,
      state: { bootstrap: false, depth: 3, round: 50 },
      why: 'Growing a tree is deterministic here, so the same points give the same tree, and an average of identical copies is that copy. Bagging needs the trees to differ.',
    },
    {
      id: 'gb-shrinkage',
      question: 'Gradient boosting with depth-3 trees and learning rate ν = 1: after how many trees is the test MSE lowest?',
      options: ['At the last round', 'After about half of the rounds', 'After the first tree'],
      answer: 2,
      state: { depth: 3, lr: 1, round: 200 },
      why: 'With ν = 1 each tree fits the current residuals in full, so the first tree takes most of the signal and the rest mostly fit noise. A small ν with more trees, stopped on validation data, ends lower.',
    },
  ],
  followUps: [
    {
      question: 'Why does averaging reduce variance, and why do random forests decorrelate their trees?',
      answer: 'For B trees each with variance σ² and pairwise correlation ρ, the average has variance ρσ² + (1 − ρ)σ²/B. More trees remove only the second term; random feature subsets lower ρ, and with it the first.',
      slug: 'bias-variance',
    },
    {
      question: 'Which is more sensitive to mislabelled points?',
      answer: 'Boosting, AdaBoost most of all: its exponential loss gives a point that keeps being misclassified an ever larger weight. Bagging averages such points away; gradient boosting with a robust loss, shrinkage and subsampling is gentler.',
    },
    {
      question: 'Can the learners be trained in parallel?',
      answer: 'In bagging, yes: the trees are independent. In boosting each learner depends on the ones before it, so they are built in sequence; libraries parallelise the work inside each tree instead.',
    },
  ],
};
