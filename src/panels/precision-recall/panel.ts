import { definePanel } from '../../lib/panel/types';
import { store } from './store';
import { Explanation } from './Explanation';
import { PrecisionRecallView } from './PrecisionRecallView';
import { interview } from './interview';

export default definePanel({
  store,
  usesTf: false,
  Explanation,
  View: PrecisionRecallView,
  interview,
  experiments: [
    {
      title: 'Make positives rare',
      params: { prevalence: 0.01 },
      notice: 'At threshold 0 precision falls from 0.37 to 0.05 (16 true among 334 flagged), while ROC AUC stays near 0.9 and the dashed population ROC curve does not move at all.',
    },
    {
      title: 'Accuracy lies',
      params: { prevalence: 0.01, threshold: 2 },
      notice:
        'This threshold is 98.9% accurate, yet always saying “negative” scores 99%: accuracy rewards finding nothing. F1 tells them apart (0.15 here, 0 for always “negative”), and so does MCC (0.16 here, undefined for always “negative”, which flags nothing).',
    },
    {
      title: 'False alarms cost ten times more',
      params: { costRatio: 10 },
      notice: 'The cost-optimal threshold moves from 1.06 up to 2.41, near the population’s ln(10 × 9) / 2 ≈ 2.25: it flags only 12 examples, none of them wrongly.',
    },
    {
      title: 'Recall first: F2',
      params: { beta: 2 },
      notice:
        'At threshold 0 recall is 0.85 and precision 0.37. F2 and F1 are different scales, so compare where each peaks: on the sweep plot F2 (dashed) peaks at a lower threshold than F1, and the lines of equal F2 on the PR plot lean towards high recall.',
    },
    {
      title: 'A real spam filter at 1% spam',
      params: { data: 'spam', prevalence: 0.01 },
      notice: 'The filter’s ROC AUC stays about 0.99, but precision at threshold 0 drops from 0.95 at the corpus’s own 31% spam to 0.31: 41 ham emails are flagged beside 18 spam.',
    },
    {
      title: 'No positives at all',
      params: { prevalence: 0.001, n: 100 },
      notice: 'With 100 examples and 0.1% positives there are none: recall, the PR curve and both areas are undefined, and the panel says so instead of printing a number.',
    },
  ],
});
