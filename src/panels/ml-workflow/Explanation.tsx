import { Tex } from '../../lib/tex/Tex';

export function Explanation() {
  return (
    <>
      <p>
        A new project is a loop of small steps, each checked before the next. <strong>Look</strong> at the data: types, gaps,
        class balance. <strong>Split</strong> off a test set and leave it alone. Score a <strong>baseline</strong> (the commonest
        class, a one-line rule): a model is only worth what it adds to that. Then <strong>preprocess</strong>, try a few{' '}
        <strong>models</strong>, <strong>tune</strong> them by cross-validation on the training part, <strong>evaluate</strong> once
        on the test set, and <strong>hand off</strong> the fitted pipeline with a card saying what it is for and how well it does.
      </p>
      <p>
        Every choice before the test set is scored by stratified <Tex>k</Tex>-fold cross-validation: the training part is cut
        into <Tex>k</Tex> folds <Tex>D_1, \dots, D_k</Tex> with the class shares of the whole, and
      </p>
      <Tex block>{String.raw`\widehat{\mathrm{acc}}_{\mathrm{CV}} = \frac{1}{k}\sum_{j=1}^{k} \mathrm{acc}\big(\hat f^{(-j)},\, D_j\big)`}</Tex>
      <p>
        where <Tex>{String.raw`\hat f^{(-j)}`}</Tex> is the whole pipeline (imputer, scaler, encoder and model) fitted without fold{' '}
        <Tex>j</Tex>, as scikit-learn’s <code>cross_val_score</code> does with a <code>Pipeline</code>. Fitting the imputer or
        scaler on all rows first lets the held-out rows shape their own preprocessing.
      </p>
      <p>
        Why the test set is read once: each candidate’s test score <Tex>{String.raw`\hat A_g`}</Tex> is its true accuracy plus
        noise, and keeping the best of several is biased upward,
      </p>
      <Tex block>{String.raw`\mathbb{E}\big[\max_g \hat A_g\big] \;\ge\; \max_g \mathbb{E}\big[\hat A_g\big],`}</Tex>
      <p>
        so a hyperparameter picked on the test set comes with an optimistic score. A <strong>leaked</strong> column, one computed
        from the label or known only after it, makes validation look perfect and fails on new data, where it does not exist yet.
      </p>
      <p className="ctl-help">
        Conventions: scikit-learn’s. Mean or median imputation (<code>SimpleImputer</code>, the most frequent value for a
        category), standardising with the population standard deviation (<code>StandardScaler</code>), one-hot encoding
        (<code>OneHotEncoder</code>), logistic regression with an L2 penalty <Tex>C</Tex> fitted one class against the rest
        (<code>OneVsRestClassifier</code>; scikit-learn’s own multiclass default is the multinomial loss), CART trees with Gini
        impurity, k-NN with Euclidean distance. Data: Palmer penguins (Gorman, Williams and Fraser, 2014), 344 birds.
      </p>
    </>
  );
}
