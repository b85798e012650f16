import { Tex } from '../../lib/tex/Tex';

export function Explanation() {
  return (
    <>
      <p>
        Both methods build a strong model out of many copies of a weak one. <strong>Bagging</strong> (bootstrap aggregating)
        trains each copy independently on its own bootstrap sample, <Tex>n</Tex> draws with replacement (about 63% of the points
        appear, some several times), and averages their votes. Averaging <Tex>B</Tex> predictors of variance{' '}
        <Tex>{String.raw`\sigma^2`}</Tex> and pairwise correlation <Tex>{String.raw`\rho`}</Tex> leaves
      </p>
      <Tex block>{String.raw`\operatorname{Var} = \rho\,\sigma^2 + \frac{1-\rho}{B}\,\sigma^2 ,`}</Tex>
      <p>
        so bagging reduces <strong>variance</strong>, not bias: it helps deep, unstable trees and does little for stumps, whose
        error is mostly bias.
      </p>
      <p>
        <strong>Boosting</strong> trains the copies in sequence, each one aimed at what the ensemble so far gets wrong, and so
        reduces <strong>bias</strong>: many stumps add up to a staircase that can follow a curved boundary. AdaBoost (SAMME, <Tex>K</Tex> classes) starts with
        weights <Tex>{String.raw`w_i = 1/n`}</Tex> and in round <Tex>m</Tex> fits <Tex>h_m</Tex> to the weighted data, then
      </p>
      <Tex block>
        {String.raw`\begin{aligned}\mathrm{err}_m &= \textstyle\sum_i w_i\,[h_m(x_i)\ne y_i]\\ \alpha_m &= \ln\frac{1-\mathrm{err}_m}{\mathrm{err}_m} + \ln(K-1)\\ w_i &\leftarrow w_i\,e^{\alpha_m [h_m(x_i)\ne y_i]}\end{aligned}`}
      </Tex>
      <p>
        with the weights then rescaled to sum to 1. The ensemble predicts{' '}
        <Tex>{String.raw`\hat y(x) = \arg\max_k \sum_m \alpha_m [h_m(x) = k]`}</Tex>.
      </p>
      <p>
        The weights grow on the points the last learner missed, so noisy or mislabelled points end up carrying much of it, which is why
        boosting is sensitive to label noise and can overfit with many rounds.
      </p>
      <p>
        <strong>Gradient boosting</strong> with squared loss starts from <Tex>{String.raw`F_0 = \bar y`}</Tex> and fits each
        regression tree <Tex>h_m</Tex> to the residuals <Tex>{String.raw`y_i - F_{m-1}(x_i)`}</Tex>, the negative gradient of{' '}
        <Tex>{String.raw`\tfrac12 (y - F)^2`}</Tex>; then <Tex>{String.raw`F_m = F_{m-1} + \nu\,h_m`}</Tex>. Because each leaf
        predicts the mean residual of its points, the sum of squared training errors falls by{' '}
        <Tex>{String.raw`(2\nu - \nu^2)\sum_i h_m(x_i)^2 \ge 0`}</Tex> per round: it never rises for{' '}
        <Tex>{String.raw`0 < \nu \le 1`}</Tex>. A smaller learning rate <Tex>{String.raw`\nu`}</Tex> (shrinkage) needs more rounds and usually
        generalises better.
      </p>
      <p>
        In an interview: bagging is parallel and cuts variance (use strong, low-bias learners); boosting is sequential and cuts
        bias (use weak learners, and stop early or shrink, since it can overfit noise).
      </p>
      <p className="ctl-help">
        Conventions as scikit-learn: CART trees with Gini (classification) or squared error (regression), splits at midpoints;
        BaggingClassifier averages the trees’ class probabilities; AdaBoostClassifier with algorithm SAMME and learning rate 1 stops
        after a perfect learner (kept with α = 1) or before one no better than chance; GradientBoostingRegressor with squared error starts from the mean.
      </p>
    </>
  );
}
