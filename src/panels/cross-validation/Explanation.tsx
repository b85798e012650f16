import { Tex } from '../../lib/tex/Tex';

export function Explanation() {
  return (
    <>
      <p>
        A score on data the model was trained on says little. Hold some data out and you get an honest score, but from one
        random split it is <strong>noisy</strong>: a few lucky or unlucky test samples move it a lot. Cross-validation cuts the
        data into <Tex>K</Tex> folds, trains on all but fold <Tex>k</Tex>, tests on fold <Tex>k</Tex>, and averages, so every
        sample is tested exactly once:
      </p>
      <Tex block>{String.raw`\begin{aligned}\widehat{\mathrm{acc}}_{\mathrm{CV}} &= \frac{1}{K}\sum_{k=1}^{K}\mathrm{acc}\big(\hat f^{(-k)},\,D_k\big)\\ \mathrm{SE} &\approx \frac{\mathrm{sd}_k}{\sqrt{K}}\end{aligned}`}</Tex>
      <p>
        The folds must respect how the data were made, because the test folds should look like the data the model will meet
        later. <strong>Stratified</strong> folds keep each class’s share (vital when a class is rare).{' '}
        <strong>Time-series</strong> splits train only on the past, optionally leaving a gap, since the future is never
        available when you predict it. <strong>Group</strong> k-fold keeps every sample of a patient, user or site on one side,
        so the score is about new groups, not new rows of groups already seen. <strong>Leave-one-out</strong> is k-fold with{' '}
        <Tex>K = n</Tex>: n fits, each test a single sample.
      </p>
      <p>
        <strong>Leakage</strong>: anything fitted to the data (feature selection, scaling, imputation, the choice of
        hyper-parameters) must be fitted inside each training fold only. Pick the features most correlated with the label on
        all rows first, and even pure noise cross-validates far above chance, because the test labels helped pick the features.
      </p>
      <p>
        To tune, compare mean scores with their error bars. The <strong>one-standard-error rule</strong> takes the simplest
        model whose mean is within one SE of the best. The best mean itself is optimistic after tuning; nested cross-validation
        (tuning inside each outer training fold) gives the honest number.
      </p>
      <p className="ctl-help">
        Without shuffling, the splitters return exactly scikit-learn’s indices (KFold, StratifiedKFold, LeaveOneOut,
        TimeSeriesSplit, GroupKFold). The model is k-NN with Euclidean distance; sd uses n − 1; “new data” is 1000 fresh samples
        from new groups.
      </p>
    </>
  );
}
