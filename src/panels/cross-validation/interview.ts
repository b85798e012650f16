/**
 * The cross-validation question in an interview (issue 15): the model answer with "show me"
 * states, checks the learner predicts before looking, and what an interviewer asks next.
 * interview.test.ts runs the functions the panel's worker runs (computeCv, computeSpread,
 * computeLeak) at every state and checks each stated answer and quoted number.
 */
import type { Interview } from '../../lib/panel/types';
import type { schema } from './params';

const GROUPED = { leak: 'groups', groupEffect: 1, scheme: 'group' } as const;
const TUNING = { scheme: 'stratified', n: 60, folds: 10 } as const;

export const interview: Interview<typeof schema> = {
  answer: [
    [
      'Cross-validation estimates how a model will do on new data without giving up a separate test set: split the data into k folds, train on all but one, test on the one left out, rotate, and average. The score of ',
      { text: 'a single split is a lottery', params: { repeats: 200 } },
      '; the mean over k folds moves much less, and the spread of the fold scores hints at the uncertainty, though it understates it because the training sets overlap.',
    ],
    [
      'The folds must look like the data the model will meet later. ',
      { text: 'Stratify a rare class', params: { scheme: 'stratified', balance: 0.15 } },
      ' so that each fold keeps its share; with data ordered in time, ',
      { text: 'train only on the past', params: { scheme: 'timeseries', gap: 2 } },
      '; when rows come in groups such as patients or users, ',
      { text: 'split by group', params: GROUPED },
      ', or the score describes new rows of people the model has already seen.',
    ],
    [
      'Everything fitted to data (scaling, imputation, feature selection, hyper-parameters) must be fitted inside each training fold: ',
      { text: 'choosing features on all rows first', params: { features: 2000, keep: 10 } },
      ' makes pure noise score far above chance. Use the folds to ',
      { text: 'tune hyper-parameters', params: TUNING },
      ' (the one-standard-error rule picks the simplest model within one standard error of the best), nest a second loop if you also need an honest score for the tuned procedure, then refit the chosen model on all the data.',
    ],
  ],
  checks: [
    {
      id: 'one-split-spread',
      question: 'Shuffle the same 30 samples 200 times. Which moves more from shuffle to shuffle: the score on one held-out fold, or the mean over all 5 folds?',
      options: ['The score on one held-out fold', 'The mean over all 5 folds', 'Neither: same data, same model, about the same spread'],
      answer: 0,
      state: { repeats: 200 },
      why: 'One fold tests only a handful of samples, so a few lucky or unlucky ones swing its score. The mean uses every sample once, so the luck of single folds largely averages out.',
    },
    {
      id: 'noise-selection',
      question: 'Coin-flip labels and 500 features of pure noise. Pick the 10 features most correlated with the label on all rows, then cross-validate k-NN on them. What accuracy comes out?',
      options: ['About 0.5: noise is noise', 'Far above 0.5', 'Far below 0.5'],
      answer: 1,
      state: { leak: 'selection', features: 500, keep: 10 },
      why: 'Among hundreds of noise columns some match the labels by chance, test rows included, and those are the ones picked. The test labels helped choose the features, so the folds are no longer unseen data. Selecting inside each training fold gives chance, the truth.',
    },
    {
      id: 'group-leak',
      question: 'Samples come in groups whose members look alike. Shuffled k-fold or group k-fold: which scores higher, and which is closer to what the model gets on new groups?',
      options: [
        'Shuffled k-fold scores higher; group k-fold is closer to new groups',
        'Group k-fold scores higher and is closer to new groups',
        'They score about the same',
      ],
      answer: 0,
      state: GROUPED,
      why: 'Shuffled folds put members of one group on both sides, so the model meets near-copies of its test samples in training. Group k-fold tests only on groups it has not seen, as new data will be.',
    },
    {
      id: 'one-se-rule',
      question: 'Tuning the number of neighbours of k-NN with stratified folds. Compared with the k of the best mean score, which k does the one-standard-error rule pick?',
      options: ['A larger k: a smoother model', 'The same k', 'A smaller k: a more flexible model'],
      answer: 0,
      state: TUNING,
      why: 'Mean scores within one standard error of the best are too close to tell apart reliably, so the rule takes the simplest of them. For k-NN that is the most neighbours: the smoothest boundary.',
    },
  ],
  followUps: [
    {
      question: 'Why not use the cross-validated score of the tuned model as its final estimate?',
      answer: 'Picking the best of many scores favours settings that were lucky on these folds, so the best mean is optimistic. Nested cross-validation, or a test set kept out of all tuning, gives an honest number.',
    },
    {
      question: 'How many folds should you use?',
      answer: 'Five or ten is common. More folds mean larger training sets, so a less pessimistic estimate, but more fits and training sets that overlap more. Leave-one-out is the extreme: n fits, each tested on one sample.',
    },
    {
      question: 'What would you score with when one class is rare?',
      answer: 'Not plain accuracy, which rewards always predicting the common class. Stratify the folds and score precision, recall, F1 or the area under the precision-recall curve, whichever matches the cost of each error.',
      slug: 'precision-recall',
    },
  ],
};
