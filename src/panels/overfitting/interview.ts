/**
 * The overfitting question in an interview (issue 15): the model answer with "show me" states,
 * checks the learner predicts before looking, and what an interviewer asks next. interview.test.ts
 * trains the panel's own runs (as its worker does) at every state and checks each stated answer.
 */
import type { Interview } from '../../lib/panel/types';
import type { schema } from './params';

export const interview: Interview<typeof schema> = {
  answer: [
    [
      'A model overfits when it learns its training set, noise included, instead of the pattern behind it: it scores well on the data it saw and worse on new data. ',
      { text: 'Train a large network on a few noisy points', params: { epoch: 1000 } },
      ' and the training loss falls towards zero while the validation loss, after an early minimum, climbs.',
    ],
    [
      'You spot it by comparing training and validation loss: a wide, growing gap is the sign. It comes from too much capacity for too little data, so the remedies add data or limit capacity: ',
      { text: 'more training points', params: { compare: 'more', epoch: 400 } },
      ', ',
      { text: 'dropout and weight decay', params: { dropout: 0.2, useL2: true, l2: 0.005, compare: 'plain', epoch: 1000 } },
      ', ',
      { text: 'a smaller network', params: { compare: 'small', epoch: 1000 } },
      ', data augmentation, and ',
      { text: 'early stopping', params: { earlyStop: true, patience: 50, epoch: 1000 } },
      ', which keeps the weights from the epoch with the lowest validation loss.',
    ],
    [
      'Choose all of these on validation data and report the result on a test set you touch once; tuning against the test set overfits it too. Underfitting is the opposite failure: both losses high and close together.',
    ],
  ],
  checks: [
    {
      id: 'val-after-best',
      question: 'The default network keeps training on its 30 noisy points. Between epoch 400 and epoch 1000, what does the validation loss do?',
      options: ['It rises while the training loss keeps falling', 'It falls along with the training loss', 'Both losses rise'],
      answer: 0,
      state: { epoch: 1000 },
      why: 'The training points are already fitted; what is left to learn is their noise, and every bend the boundary makes around a noisy point costs it on fresh points.',
    },
    {
      id: 'more-data',
      question: 'B trains the same network on 4× the points (120 instead of 30). At epoch 400, whose validation loss is lower?',
      options: ['B’s, with more data', 'A’s: fewer points are easier to fit', 'About the same: the network is the same'],
      answer: 0,
      state: { compare: 'more', epoch: 400 },
      why: 'With more points, no single noisy point can pull the boundary far, so the network fits the shape the points share.',
    },
    {
      id: 'regularised-train-loss',
      question: 'A uses dropout and weight decay; B is the same network without them. At epoch 1000, whose training loss is lower?',
      options: ['B’s, the plain network', 'A’s, the regularised network', 'About the same'],
      answer: 0,
      state: { dropout: 0.2, useL2: true, l2: 0.005, compare: 'plain', epoch: 1000 },
      why: 'Regularisation stops A from fitting every training point, so its training loss stays higher; in exchange its validation loss is far lower than B’s.',
    },
    {
      id: 'early-stop-weights',
      question: 'With early stopping (patience 50), which weights does the panel show once training stops?',
      options: ['Those from the epoch with the lowest validation loss', 'Those from the last epoch trained', 'Those from the epoch with the lowest training loss'],
      answer: 0,
      state: { earlyStop: true, patience: 50, epoch: 1000 },
      why: 'Training goes on for the patience epochs to see whether the validation loss improves again; when it does not, it goes back to the best weights it saw.',
    },
  ],
  followUps: [
    {
      question: 'How is overfitting related to bias and variance?',
      answer: 'Overfitting is high variance: the fit depends strongly on which training points were drawn. Regularisation and more data lower the variance at the cost of a little bias.',
      slug: 'bias-variance',
    },
    {
      question: 'Can you overfit the validation set?',
      answer: 'Yes: every choice made by looking at validation scores fits it a little. Cross-validation spreads that over several splits, and a test set used once gives the honest number.',
      slug: 'cross-validation',
    },
    {
      question: 'Why does L2 weight decay help?',
      answer: 'It penalises large weights, which keeps the function smooth: a sharp boundary around one noisy point needs large weights.',
      slug: 'regularization',
    },
  ],
};
