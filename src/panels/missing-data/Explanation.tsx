import { Tex } from '../../lib/tex/Tex';

export function Explanation() {
  return (
    <>
      <p>
        Which fix is safe depends on <strong>why</strong> values are missing (Rubin’s three mechanisms). Write{' '}
        <Tex>M</Tex> for the pattern of missing entries, <Tex>{String.raw`Y_{\text{obs}}`}</Tex> for the values we see and{' '}
        <Tex>{String.raw`Y_{\text{mis}}`}</Tex> for those we do not:
      </p>
      <Tex block>{String.raw`\begin{aligned}\text{MCAR:}&\quad P(M \mid Y_{\text{obs}}, Y_{\text{mis}}) = P(M) \\ \text{MAR:}&\quad P(M \mid Y_{\text{obs}}, Y_{\text{mis}}) = P(M \mid Y_{\text{obs}}) \\ \text{MNAR:}&\quad \text{it depends on } Y_{\text{mis}} \text{ itself}\end{aligned}`}</Tex>
      <p>
        Here y (and likewise x) goes missing more often when the always-observed <Tex>z</Tex> is high (MAR), or when y
        itself is high (MNAR). Either way the observed mean of y is too low; under MAR the observed z can correct it, under
        MNAR nothing in the observed data says by how much.
      </p>
      <p>
        <strong>Dropping incomplete rows</strong> is unbiased under MCAR, only noisier; under MAR and MNAR the rows kept are not
        a random sample. <strong>Mean imputation</strong> keeps the observed mean and shrinks the variance, exactly: with{' '}
        <Tex>m</Tex> of <Tex>n</Tex> values observed,
      </p>
      <Tex block>{String.raw`\bar y_{\text{imputed}} = \bar y_{\text{obs}},\qquad s^2_{\text{imputed}} = \frac{m-1}{n-1}\, s^2_{\text{obs}}`}</Tex>
      <p>
        and it pulls correlations toward 0, since every filled point sits on the mean whatever its x. The median does much
        the same. <strong>Regression imputation</strong> puts the missing value on the line fitted to the other columns: under
        MAR that line uses <Tex>z</Tex> and recovers the mean, but the points have no scatter around the line, so the variance
        stays too small and the correlations with the columns it was filled from tend to come out too strong. <strong>Iterative</strong> imputation (scikit-learn’s
        IterativeImputer, a MICE-like scheme) regresses each column on all the others in turn, round after round, with
        Bayesian ridge regression; it fills in the predicted mean, so it shares that flaw (multiple imputation with sampled
        values fixes it, not shown). <strong>k-NN</strong> imputation averages the k nearest rows that have the value,
        distance taken over the coordinates both rows have:
      </p>
      <Tex block>{String.raw`d(a, b) = \sqrt{\tfrac{p}{|P|} \textstyle\sum_{j \in P} (a_j - b_j)^2}`}</Tex>
      <p className="ctl-help">
        <Tex>P</Tex>: the coordinates both rows have; <Tex>p</Tex>: the number of columns.
      </p>
      <p>
        A <strong>missing indicator</strong>, a 0/1 column per variable, lets a downstream model learn that a gap itself
        carries information, which under MNAR it does.
      </p>
      <p>
        Fit the imputer on the training rows only, as a step of the model’s pipeline. Imputing the whole table before the
        split, target included, lets the test rows and their answers shape the values filled in: the test error looks better
        than the model will do. The table measures that gap.
      </p>
      <p className="ctl-help">
        Conventions: scikit-learn’s SimpleImputer, KNNImputer (uniform weights; equal distances go to the earlier row) and
        IterativeImputer (BayesianRidge, at most 10 rounds, mean start). Regression imputation fits least squares on the complete
        rows. Variances divide by n − 1. The downstream model is least squares predicting t = x + y + noise from x, y, z.
      </p>
    </>
  );
}
