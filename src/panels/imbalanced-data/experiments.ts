/** The panel's "Try this" experiments: pure data, so experiments.test.ts, which checks every
 *  number their notices quote, reads them without React. */
export const EXPERIMENTS = [
  {
    title: 'Accuracy rewards ignoring the rare class',
    params: { ratio: 100, method: 'none' },
    notice: 'At 1 : 100 the untreated model finds 3 of the 40 minority test points at threshold 0.5 and is no more accurate than always answering “majority” (0.99); SMOTE finds 32, and its accuracy falls to 0.87.',
  },
  {
    title: 'SMOTE draws between neighbours',
    params: { ratio: 50, method: 'smote', k: 3 },
    notice: 'With 20 minority points, every purple point lies on a segment between one of them and one of its 3 nearest minority neighbours; raise k and they reach farther pairs.',
  },
  {
    title: 'A weight is a number of copies',
    params: { method: 'weights' },
    notice: 'Class weights and random oversampling end on nearly the same boundary and recall (0.765 and 0.755): a weight of w in the loss adds what w copies of the point add; oversampling draws its copies at random.',
  },
  {
    title: 'Or just lower the threshold',
    params: { method: 'none', threshold: 0.05 },
    notice: 'The untreated model at threshold 0.05 finds 153 of the 200 minority test points, as class weights do at 0.5, with about the same precision: reweighting mostly moved the threshold, not the ranking (AP 0.493 and 0.491).',
  },
  {
    title: 'Tomek links only trim the border',
    params: { method: 'tomek', overlap: 0.7 },
    notice: 'Tomek links remove only majority points that are a minority point’s mutual nearest neighbour, 29 here, so the balance hardly moves and recall at 0.5 only rises from 0.015 to 0.035.',
  },
  {
    title: 'Undersampling throws data away',
    params: { method: 'undersample', ratio: 200 },
    notice: 'At 1 : 200 undersampling trains on 5 majority and 5 minority points: press “New random data” and watch its boundary jump.',
  },
  {
    title: 'Real events, unseen sensors',
    params: { data: 'sensors', method: 'weights' },
    notice: 'On real sensor readings, tested on motes it never saw, the untreated model finds 29 of the 32 steam events with no false alarm; class weights find all 32 and raise 85 false alarms: rebalancing is not free.',
  },
] as const;
