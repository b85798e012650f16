/**
 * Imbalanced data in an interview (issue 15): the model answer with "show me" states, checks the
 * learner predicts before looking, and what an interviewer asks next. interview.test.ts fits the
 * panel's six models at every state and checks each stated answer.
 */
import type { Interview } from '../../lib/panel/types';
import type { schema } from './params';

export const interview: Interview<typeof schema> = {
  answer: [
    [
      'With a rare class, accuracy rewards ignoring it: at a hundred to one, ',
      { text: 'a model that finds almost none of the rare cases is no more accurate than always answering “majority”', params: { ratio: 100, method: 'none' } },
      '. So judge the model on the rare class: precision, recall, F1, MCC, and the precision-recall curve, whose average precision for a model that ranks at random is the minority share, not one half as for ROC AUC.',
    ],
    [
      'Then change the training data, never the test set. ',
      { text: 'Random oversampling', params: { method: 'oversample' } },
      ' repeats minority points, ',
      { text: 'SMOTE', params: { method: 'smote' } },
      ' adds synthetic ones between minority neighbours, ',
      { text: 'random undersampling', params: { method: 'undersample' } },
      ' drops majority points and the information in them, and ',
      { text: 'class weights', params: { method: 'weights' } },
      ' make each minority error cost more in the loss. All of them push the boundary into the majority class: recall rises, precision falls, and F1 need not improve. When the model family fits the data, as logistic regression fits these Gaussian classes, weighting mostly shifts the intercept, so ',
      { text: 'lowering the untreated model’s threshold does much the same', params: { method: 'none', threshold: 0.05 } },
      ' and the ranking, hence the precision-recall curve, hardly changes.',
    ],
    [
      'Choose the threshold from the costs of a miss and of a false alarm, resample only inside each training fold of cross-validation, and report the metrics at the real class balance.',
    ],
  ],
  checks: [
    {
      id: 'accuracy-ignores',
      question: 'At 1 : 100, which is more accurate at threshold 0.5: the untreated logistic regression, or always answering “majority”?',
      options: ['The model, clearly', 'Always “majority”, clearly', 'About the same'],
      answer: 2,
      state: { ratio: 100, method: 'none' },
      why: 'Almost every test point is majority, so a model that finds a few rare cases and a rule that finds none differ by a sliver of accuracy; recall shows the difference.',
    },
    {
      id: 'smote-accuracy',
      question: 'Same 1 : 100 data, now trained with SMOTE. What happens to accuracy at threshold 0.5?',
      options: ['It rises', 'It falls', 'It stays about the same'],
      answer: 1,
      state: { ratio: 100, method: 'smote' },
      why: 'The balanced training set moves the boundary into the majority class: recall jumps, but the new false alarms among the far more numerous majority points outnumber the extra hits.',
    },
    {
      id: 'f1-default',
      question: 'At the default 1 : 20 imbalance and threshold 0.5, which has the higher F1: the untreated model or SMOTE?',
      options: ['The untreated model', 'SMOTE', 'They are about equal'],
      answer: 0,
      state: { method: 'none' },
      why: 'SMOTE trades precision for recall: here it raises several false alarms for every extra minority point it finds, and F1 counts both. Resampling is not a free improvement.',
    },
    {
      id: 'weights-ap',
      question: 'Class weights against no treatment: what happens to the average precision, the area under the precision-recall curve?',
      options: ['It rises a lot', 'It hardly changes', 'It falls a lot'],
      answer: 1,
      state: { method: 'weights' },
      why: 'Average precision scores the ranking over all thresholds. Weighting mostly shifts the logistic model’s intercept, which moves every score the same way and leaves the order of the test points nearly as it was.',
    },
    {
      id: 'tomek-balance',
      question: 'With the classes overlapping more, remove the Tomek links. How much does the class balance of the training set change?',
      options: ['It becomes balanced', 'The minority becomes the majority', 'Hardly at all'],
      answer: 2,
      state: { method: 'tomek', overlap: 0.7 },
      why: 'A Tomek link is a pair of points of opposite classes that are each other’s nearest neighbour; removing its majority member trims only points right at the border, a few percent of the majority.',
    },
  ],
  followUps: [
    {
      question: 'Why not judge the model by ROC AUC?',
      answer: 'The false-positive rate divides by the huge number of negatives, so ROC AUC can look excellent while most alarms are false. Precision puts the rare class first; the precision-recall curve shows what each threshold costs.',
      slug: 'precision-recall',
    },
    {
      question: 'Can you oversample before splitting into folds?',
      answer: 'No: copies or near-copies of a validation point would sit in the training fold, and the scores would be inflated. Split first, then resample each training fold only.',
    },
    {
      question: 'Are the predicted probabilities still usable after rebalancing?',
      answer: 'Not as they are: training at a balance the world does not have inflates the minority probabilities. Correct them for the true prior or recalibrate on data at the real balance before reading them as probabilities.',
    },
  ],
};
