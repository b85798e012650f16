/** The panel's "Try this" experiments: pure data, so experiments.test.ts, which checks every
 *  number their notices quote, reads them without React. */
export const EXPERIMENTS = [
  {
    title: 'Mean imputation shrinks the variance',
    params: { mechanism: 'mcar', method: 'mean' },
    notice: 'Completely at random, mean imputation keeps the mean of y near 0 but its variance falls to about 0.70: every filled value sits exactly on the mean.',
  },
  {
    title: 'MAR: regression on z recovers the mean',
    params: { mechanism: 'mar', method: 'regression' },
    notice: 'When z decides what goes missing, the mean of the observed y is about −0.25; regression imputation, which sees z, brings it back to about 0.',
  },
  {
    title: 'MNAR: nothing observed can fix it',
    params: { mechanism: 'mnar', method: 'iterative' },
    notice: 'When high values of y hide themselves, every method’s mean of y stays below the truth, even iterative imputation.',
  },
  {
    title: 'Imputing on a fitted line bends correlations up',
    params: { mechanism: 'mcar', method: 'iterative', rate: 0.5 },
    notice: 'With half the values missing at random, iterative imputation puts every filled point on a fitted line, and corr(x, y) comes out above the true 0.6.',
  },
  {
    title: 'Imputing before the split flatters the test error',
    params: { method: 'iterative', split: 'before' },
    notice: 'Fitted on the whole table, target included, iterative imputation scores a test error below the complete data’s: the test rows’ answers leaked into their filled values.',
  },
  {
    title: 'A missing indicator carries information',
    params: { mechanism: 'mnar', method: 'mean', indicator: true },
    notice: 'Under MNAR a gap means “probably high”: with indicator columns the downstream test error of mean imputation drops, here roughly by half.',
  },
] as const;
