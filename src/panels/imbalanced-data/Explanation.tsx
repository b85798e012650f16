import { Tex } from '../../lib/tex/Tex';

export function Explanation() {
  return (
    <>
      <p>
        When one class is rare, a classifier can score high <strong>accuracy</strong> by never predicting it. With one
        minority point per 99 majority points, answering “majority” every time is 99 % accurate and finds nothing. Judge
        such a model by what it does on the rare class:
      </p>
      <Tex block>{String.raw`\begin{aligned}\text{precision} &= \frac{TP}{TP+FP} \\[2pt] \text{recall} &= \frac{TP}{TP+FN} \\[2pt] F_1 &= \frac{2\,TP}{2\,TP+FP+FN} \\[2pt] \mathrm{MCC} &= \frac{TP\cdot TN - FP\cdot FN}{\sqrt{P\,N\,\hat P\,\hat N}}\end{aligned}`}</Tex>
      <p className="ctl-help">
        <Tex>P, N</Tex>: actual minority and majority counts; <Tex>{String.raw`\hat P, \hat N`}</Tex>: predicted ones. MCC is the
        correlation between prediction and truth, from −1 to 1.
      </p>
      <p>
        Look also at the <strong>precision-recall curve</strong> over all thresholds. For a model that ranks at random, its area
        (average precision, AP, summed step-wise) is about the minority share, not 0.5 as for ROC AUC, so it shows how far a
        model is from useless when positives are rare.
      </p>
      <p>
        The fixes change what the model is trained on. <strong>Random oversampling</strong> repeats minority points until
        the classes are equal; <strong>SMOTE</strong> instead adds new points on the segment from a minority point{' '}
        <Tex>x_i</Tex> to one of its <Tex>k</Tex> nearest minority neighbours <Tex>x_j</Tex>:
      </p>
      <Tex block>{String.raw`x_{\text{new}} = x_i + u\,(x_j - x_i),\qquad u \sim \mathcal U[0, 1)`}</Tex>
      <p>
        <strong>Random undersampling</strong> drops majority points until the classes are equal, throwing data away.{' '}
        <strong>Tomek links</strong> are pairs of opposite classes that are each other’s nearest neighbour; removing their
        majority member cleans the border but barely changes the balance. <strong>Class weights</strong> keep the data and
        weigh each point’s loss, scikit-learn’s “balanced” weights being <Tex>{String.raw`w_c = n / (2\,n_c)`}</Tex>:
      </p>
      <Tex block>{String.raw`\min_{w,b}\ \tfrac12\lVert w\rVert^2 + C\sum_i s_i\,\ell\big(y_i,\ \sigma(w^\top x_i + b)\big)`}</Tex>
      <p>
        A weight of 3 on a point adds exactly what three copies of it add, so class weights are random oversampling without
        the randomness. For a model whose family contains the truth, such as logistic regression on these Gaussian classes,
        weighting the minority by <Tex>w</Tex> mostly adds <Tex>{String.raw`\ln w`}</Tex> to the fitted log-odds: much like
        lowering the threshold, while the ranking, and so the PR curve and AP, hardly moves. Resample only the training set;
        the test set must keep the real imbalance.
      </p>
      <p className="ctl-help">
        Conventions: scikit-learn’s LogisticRegression (C = 1, features standardised on the training set) and imbalanced-learn’s
        samplers (balance the classes; Tomek links remove the majority member). A point is predicted minority when its
        probability is at or above the threshold. Precision and MCC of a model that predicts no minority point are 0/0: shown
        as undefined, where scikit-learn returns 0.
      </p>
    </>
  );
}
