import { Tex } from '../../lib/tex/Tex';

export function Explanation() {
  return (
    <>
      <p>
        A decision tree grown deep fits its training set almost exactly: low bias, but a slightly different sample gives a very
        different tree (high <strong>variance</strong>). A random forest averages many such trees and makes them differ on
        purpose. Each tree trains on a <strong>bootstrap sample</strong> (n points drawn with replacement) and, at every split,
        may choose only among <Tex>m</Tex> features drawn at random (scikit-learn’s default for classifiers:{' '}
        <Tex>{String.raw`m = \lfloor\sqrt d\rfloor`}</Tex>). The forest’s probability is the mean of the trees’ leaf class
        shares. If each tree’s output has variance <Tex>\sigma^2</Tex> and two trees correlate by <Tex>\rho</Tex>, the mean of{' '}
        <Tex>B</Tex> trees has variance
      </p>
      <Tex block>{String.raw`\operatorname{Var}\Big(\frac1B\sum_{b=1}^{B} T_b(x)\Big) = \rho\,\sigma^2 + \frac{1-\rho}{B}\,\sigma^2 .`}</Tex>
      <p>
        More trees shrink the second term only, so the error falls and then flattens: adding trees does not overfit, it stops
        helping. Decorrelating the trees (smaller <Tex>m</Tex>, bootstrap) shrinks the first. Averaging removes variance, not
        bias: trees too shallow to draw the boundary stay wrong together.
      </p>
      <p>
        Each split (CART) picks the feature and threshold, a midpoint between neighbouring values, that most reduce the weighted
        impurity <Tex>{String.raw`N_t I(t) - N_L I(L) - N_R I(R)`}</Tex>, with Gini{' '}
        <Tex>{String.raw`I = 1-\sum_k p_k^2`}</Tex> or entropy <Tex>{String.raw`I = -\sum_k p_k \log_2 p_k`}</Tex>; a point goes
        left when its value is ≤ the threshold.
      </p>
      <p>
        A bootstrap sample misses each point with probability <Tex>{String.raw`(1-1/n)^n \approx e^{-1} \approx 0.37`}</Tex>.
        Scoring every training point with only the trees that did not see it gives the <strong>out-of-bag</strong> error: a
        validation estimate without a held-out set.
      </p>
      <p>
        <strong>Impurity importance</strong> (mean decrease in impurity) credits each feature with the impurity its splits
        removed on the training data. A noise column gets credit whenever a tree fits noise with it, more so when few features
        compete at each split. <strong>Permutation importance</strong> shuffles one column of held-out data and measures the
        drop in accuracy: near zero for a feature the forest does not need.
      </p>
      <p className="ctl-help">
        Conventions as scikit-learn’s RandomForestClassifier: probabilities averaged (not majority votes), OOB from summed
        out-of-bag probabilities, importances normalised to sum 1. With noise features, the maps show the plane where every noise
        feature is 0, its mean.
      </p>
    </>
  );
}
