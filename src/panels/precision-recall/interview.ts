/**
 * The precision-recall question in an interview (issue 15): the model answer with "show me"
 * states, checks the learner predicts before looking, and what an interviewer asks next.
 * interview.test.ts computes the panel's model at every state and checks each stated answer.
 */
import type { Interview } from '../../lib/panel/types';
import type { schema } from './params';

export const interview: Interview<typeof schema> = {
  answer: [
    [
      'Precision is the share of flagged examples that really are positive, TP / (TP + FP); recall is the share of real positives that get flagged, TP / (TP + FN). Both depend on the threshold: ',
      { text: 'raising it', params: { threshold: 2 } },
      ' flags fewer, surer examples, so precision usually rises, while recall can only fall or stay.',
    ],
    [
      'Which one matters depends on what each mistake costs: a spam filter needs precision, a cancer screen needs recall. F1 is their harmonic mean, ',
      { text: 'F2 weighs recall more', params: { beta: 2 } },
      ', and when you can price the errors, ',
      { text: 'choose the threshold with the lowest cost', params: { costRatio: 10 } },
      '.',
    ],
    [
      'They matter most when positives are rare. ',
      { text: 'At 1% positives', params: { prevalence: 0.01 } },
      ' precision collapses while ROC AUC hardly moves, because the false-positive rate divides the false alarms by the huge number of negatives. ',
      { text: 'Accuracy is worse still', params: { prevalence: 0.01, threshold: 2 } },
      ': always answering “negative” beats the classifier. On imbalanced data, report the PR curve and average precision, and choose the threshold on validation data.',
    ],
  ],
  checks: [
    {
      id: 'rare-positives',
      question: 'Same classifier, same threshold, but positives become ten times rarer (10% → 1%). What happens to precision and ROC AUC?',
      options: ['Precision falls a lot; ROC AUC barely moves', 'Both fall a lot', 'Precision barely moves; ROC AUC falls a lot'],
      answer: 0,
      state: { prevalence: 0.01 },
      why: 'ROC AUC compares the scores of positives with those of negatives, whatever their numbers. Precision counts false alarms against hits, and with far more negatives per positive the false alarms swamp the hits.',
    },
    {
      id: 'accuracy-trap',
      question: 'At 1% positives and threshold 2, which is more accurate: the classifier, or always answering “negative”?',
      options: ['Always “negative”', 'The classifier', 'They tie'],
      answer: 0,
      state: { prevalence: 0.01, threshold: 2 },
      why: 'Saying “negative” to everything is right on every negative, which is nearly every example; the classifier loses out as soon as its false alarms outnumber the positives it finds.',
    },
    {
      id: 'cost-threshold',
      question: 'A false alarm now costs ten times as much as a missed positive. Where does the cost-optimal threshold move?',
      options: ['Up: flag fewer, surer examples', 'Down: flag more examples', 'Nowhere: costs do not change the scores'],
      answer: 0,
      state: { costRatio: 10 },
      why: 'Each false alarm now outweighs several hits, so it pays to flag only examples whose scores leave little doubt.',
    },
    {
      id: 'f2-peak',
      question: 'Switch from F1 to F2. Does F2 peak at a lower or a higher threshold than F1?',
      options: ['Lower: F2 rewards recall, so it flags more', 'Higher: F2 rewards precision', 'The same threshold'],
      answer: 0,
      state: { beta: 2 },
      why: 'F2 weighs recall more than precision, and recall can only grow as the threshold drops.',
    },
    {
      id: 'no-separation',
      question: 'The scores carry no information: both classes have the same distribution (d′ = 0). What is the average precision about?',
      options: ['The share of positives', 'One half, like ROC AUC', 'Zero'],
      answer: 0,
      state: { separation: 0 },
      why: 'A ranking that carries no information flags positives at their base rate at every threshold, so the PR curve runs flat near the share of positives, while ROC AUC sits near one half.',
    },
  ],
  followUps: [
    {
      question: 'When is ROC AUC the better summary?',
      answer: 'When classes are roughly balanced, or when you compare models across populations with different class balance: ROC ignores prevalence, which helps there and hides the false alarms when positives are rare.',
      slug: 'imbalanced-data',
    },
    {
      question: 'What does average precision measure?',
      answer: 'The area under the PR curve as a step sum: the precision at each recall level reached, weighted by the recall gained. A random ranking scores about the share of positives.',
    },
    {
      question: 'How do you handle the imbalance itself?',
      answer: 'Keep a stratified, untouched test set; then reweight the classes, resample the training set, or simply move the threshold, and judge every option on precision, recall and cost rather than accuracy.',
      slug: 'imbalanced-data',
    },
  ],
};
