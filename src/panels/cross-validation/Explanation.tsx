import { Tex } from '../../lib/tex/Tex';

export function Explanation() {
  return (
    <>
      <p>
        A score on data the model was trained on says little. Hold some data out and you get an honest score, but from one
        random split it is <strong>noisy</strong>: a few lucky or unlucky test samples move it a lot. Cross-validation cuts the
        data into <Tex>K</Tex> folds, trains on all but fold <Tex>k</Tex>, tests on fold <Tex>k</Tex>, and averages, so every
        sample is tested exactly once. The standard error beside it is a <strong>heuristic</strong>: it treats the{' '}
        <Tex>K</Tex> fold scores as independent, but their training sets overlap, so it understates the uncertainty, and no
        unbiased estimate of that uncertainty exists (Bengio and Grandvalet 2004).
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
        To tune, compare mean scores with their error bars. The <strong>one-standard-error rule</strong> (as in <em>The
        Elements of Statistical Learning</em>, §7.10) takes the simplest model whose mean is within one SE of the best. The best
        mean itself is optimistic after tuning. <strong>Nested</strong> cross-validation (tuning inside each outer training
        fold) gives an honest number for the whole procedure “tune, then fit”, not for the one model it ends up choosing.
      </p>
      <p>
        Cross-validation chooses and scores; it does not make the model you keep. Once the settings are chosen, refit on all{' '}
        <Tex>n</Tex> samples: that model has seen the most data, and the cross-validated score is usually a slightly
        pessimistic estimate of it. “Same model on new data” in the readout is that refit.
      </p>
      <p className="ctl-help">
        Without shuffling, the splitters return exactly scikit-learn’s indices (KFold, StratifiedKFold, LeaveOneOut,
        TimeSeriesSplit, GroupKFold). The model is k-NN with Euclidean distance; sd uses n − 1 and SE = sd/√K; “new data”
        is 1000 fresh samples from new groups.
      </p>
    </>
  );
}
