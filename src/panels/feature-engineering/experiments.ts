/** The panel's "Try this" experiments: pure data, so experiments.test.ts, which checks every
 *  number their notices quote, reads them without React. */
export const EXPERIMENTS = [
  {
    title: 'Hours wrap around',
    params: { case: 'hour' },
    notice: 'A straight line in the raw hour scores a test R² of 0.15; the same least-squares model on the sine and cosine of the hour scores 0.96, because 23:00 and 01:00 become neighbours.',
  },
  {
    title: 'Label codes invent an order',
    params: { case: 'category' },
    notice: 'On 534 real workers, numbering the six occupations alphabetically explains almost none of the log wage (cross-validated R² 0.01); one column per occupation explains 0.16.',
  },
  {
    title: 'A circle from a straight line',
    params: { case: 'circles' },
    notice: 'Logistic regression on x0 and x1 does no better than a coin (test accuracy 0.51); add the column x0² + x1² and the same model draws a circle and scores 0.97.',
  },
  {
    title: 'Scale before k-NN and gradient descent',
    params: { case: 'scaling', spread: 1000 },
    notice: 'With feature 2 in units 1000 times smaller, 5-NN scores 0.70 on the raw features and 0.90 standardised; gradient descent on the raw features is still far from the optimum after 100,000 steps, and standardised it converges at once.',
  },
  {
    title: 'The cross term solves XOR',
    params: { case: 'poly', degree: 2 },
    notice: 'Degree 2 adds the columns x0^2, x0 x1 and x1^2; the product x0 x1 is what separates XOR, and test accuracy rises from 0.66 to 0.91.',
  },
  {
    title: 'Quantile bins follow the data',
    params: { case: 'binning', strategy: 'quantile', bins: 12 },
    notice: 'Most x values are near 0, so 12 quantile bins are narrow there and wide near 10; the binned model fits the sine far better than the straight line (test R² 0.02 before, 0.75 after).',
  },
] as const;
