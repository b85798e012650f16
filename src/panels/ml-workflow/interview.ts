/**
 * "How would you approach a new ML project?" in an interview (issue 15): the model answer with
 * "show me" states, checks the learner predicts before looking, and what comes next.
 * interview.test.ts runs the workflow on the penguins at each state and checks every stated answer.
 */
import type { Interview } from '../../lib/panel/types';
import type { schema } from './params';

export const interview: Interview<typeof schema> = {
  answer: [
    [
      'Start from the decision the model supports and the metric that measures it, then ',
      { text: 'look at the data', params: { step: 'look' } },
      ': its size, types, missing values and class balance. ',
      { text: 'Set a test set aside', params: { step: 'split' } },
      ' before anything else and do not touch it until the end.',
    ],
    [
      'Build ',
      { text: 'a baseline first', params: { step: 'baseline' } },
      ' (the majority class, one simple rule), so every later model has a number to beat. Put the preparation (imputing, scaling, encoding) in a pipeline fitted on training folds only, ',
      { text: 'compare a few model families by cross-validation', params: { step: 'models' } },
      ', and ',
      { text: 'tune on validation folds', params: { step: 'tune' } },
      ', never on the test set.',
    ],
    [
      'Evaluate once on the test set, then ',
      { text: 'look at the errors', params: { step: 'evaluate', target: 'sex' } },
      ' to learn what the model cannot see, and check for leaks: a feature that would not exist at prediction time makes everything look perfect. Finally ',
      { text: 'hand over', params: { step: 'handoff' } },
      ' the pipeline with its metric, its known weak spots and a plan for monitoring.',
    ],
  ],
  checks: [
    {
      id: 'baseline',
      question: 'Predict a penguin’s species by always guessing the commonest one. What share of birds is that right for?',
      options: ['Fewer than half', 'About two thirds', 'Nearly all'],
      answer: 0,
      state: { step: 'baseline' },
      why: 'The commonest species is well under half of the birds, which is why a baseline is worth computing: even one split on one measurement beats it easily.',
    },
    {
      id: 'leak',
      question: 'A field tag that was assigned from each bird’s sex is left in the features. How does the tree do on new birds, whose tag does not exist yet?',
      options: ['Worse than the same tree without the tag', 'As flawlessly as in validation', 'The same as without the tag'],
      answer: 0,
      state: { step: 'evaluate', target: 'sex', model: 'tree', leak: true },
      why: 'The tree learned to split on the tag alone; without it at prediction time its one rule is useless, while the honest tree learned from the measurements.',
    },
    {
      id: 'tune-on-test',
      question: 'You pick the tree’s depth by its score on the test set. Is that test score a fair estimate for new data?',
      options: ['No: it is optimistic', 'Yes: the test set is held out', 'No: it is pessimistic'],
      answer: 0,
      state: { step: 'tune', target: 'sex', model: 'tree', tuning: 'test' },
      why: 'The reported score is the best of several tries on the same birds, so part of it is luck on those birds; cross-validation, which never saw them, scores that depth lower.',
    },
  ],
  followUps: [
    {
      question: 'Which metric would you choose when one class is rare?',
      answer: 'Precision and recall, or the area under the precision-recall curve, chosen with the cost of each kind of mistake; accuracy hides a model that never finds the rare class.',
      slug: 'imbalanced-data',
    },
    {
      question: 'How do you choose between cross-validation schemes?',
      answer: 'Follow how the data was made: stratify for imbalance, group by patient or user, split by time for forecasting.',
      slug: 'cross-validation',
    },
  ],
};
