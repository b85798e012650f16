/** The panel's "Try this" experiments: pure data, so experiments.test.ts, which checks every
 *  claim and number their notices make, reads them without React. */
export const EXPERIMENTS = [
  {
    title: 'A baseline first',
    params: { step: 'baseline' },
    notice: 'Always guessing the commonest species is right for fewer than half of the birds; one split on one measurement already gets most of them right, and every model after it has to beat that.',
  },
  {
    title: 'k-NN needs scaled columns',
    params: { step: 'prep', model: 'knn', scale: 'none' },
    notice: 'Unscaled, body mass in grams swamps every millimetre in the distance and k-NN’s cross-validated accuracy drops far below the standardised pipeline’s.',
  },
  {
    title: 'A leaked column looks perfect',
    params: { step: 'evaluate', target: 'sex', model: 'tree', leak: true },
    notice: 'The field tag is derived from the label, so the tree splits on it alone and validation and test look flawless; for a new bird, whose tag does not exist yet, it does worse than the same tree without the column.',
  },
  {
    title: 'Tuning on the test set flatters',
    params: { step: 'tune', target: 'sex', model: 'tree', tuning: 'test' },
    notice: 'Choosing the tree’s depth by its test score reports the best of 8 tries on the same birds; cross-validation, which never saw them, scores that same depth lower.',
  },
  {
    title: 'Error analysis: sex is harder',
    params: { step: 'evaluate', target: 'sex' },
    notice: 'Predicting sex, the model still beats the baseline by far, and the test birds it gets wrong are light males and heavy females for their species: there the measurements of the two sexes overlap.',
  },
] as const;
