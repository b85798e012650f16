import { Tex } from '../../lib/tex/Tex';

export function Explanation() {
  return (
    <>
      <p>
        A simple model can only use what its inputs make easy. A linear model fits <Tex>{String.raw`\hat y = b + w^\top x`}</Tex>, so
        it is only as good as <Tex>x</Tex> is a straight-line description of the problem. <strong>Feature engineering</strong>{' '}
        changes <Tex>x</Tex> instead of the model. Each case here fits the same model twice, on the raw features and on the
        transformed ones, and scores both on data it did not train on.
      </p>
      <ul>
        <li>
          <strong>Log of skewed values.</strong> With a long right tail, a few large values dominate a least-squares fit.{' '}
          <Tex>\ln x</Tex> (or <Tex>{String.raw`\ln(1+x)`}</Tex> when zeros occur) evens out the spread and turns multiplicative
          effects into additive ones.
        </li>
        <li>
          <strong>A squared radius.</strong> Logistic regression’s boundary is a hyperplane in its inputs. Adding{' '}
          <Tex>{String.raw`r^2 = x_0^2 + x_1^2`}</Tex> makes “inside the circle” a threshold on one column: a circle in the plane.
        </li>
        <li>
          <strong>Cyclical values.</strong> Hour 23 and hour 1 are two hours apart, but the raw numbers differ by 22. The point{' '}
          <Tex>{String.raw`(\sin 2\pi h/24,\ \cos 2\pi h/24)`}</Tex> on the unit circle puts them side by side, and a linear
          model in it is a sinusoid of period 24 h.
        </li>
        <li>
          <strong>Categories.</strong> Label (ordinal) encoding numbers the categories, here alphabetically as scikit-learn does,
          so a linear model must put equal steps between neighbours in that arbitrary order. One-hot encoding gives each category
          its own 0/1 column and so its own effect; with an intercept one column is redundant (scikit-learn’s{' '}
          <code>drop='first'</code> removes it).
        </li>
        <li>
          <strong>Binning.</strong> One-hot columns of bins let a linear model fit one level per bin: a step function, however
          curved the truth. Uniform bins have equal widths; quantile bins hold equal counts, so they are narrow where data are
          dense.
        </li>
        <li>
          <strong>Scaling.</strong> Distances add squared differences, so a feature with large units decides who the nearest
          neighbours are. Gradient descent on least squares is limited by the loss’s curvature (the eigenvalues{' '}
          <Tex>{String.raw`\lambda`}</Tex> of <Tex>{String.raw`X^\top X/n`}</Tex>): a fixed step must stay below{' '}
          <Tex>{String.raw`2/\lambda_{\max}`}</Tex>, and with the step <Tex>{String.raw`1/\lambda_{\max}`}</Tex> used here the
          error along the flattest direction shrinks by the factor <Tex>{String.raw`1-\lambda_{\min}/\lambda_{\max}`}</Tex> per
          step, so the steps needed grow with the ratio <Tex>{String.raw`\lambda_{\max}/\lambda_{\min}`}</Tex>. Standardising,
        </li>
      </ul>
      <Tex block>{String.raw`z = \frac{x-\bar x}{s},\qquad s = \sqrt{\tfrac1n\textstyle\sum_i (x_i-\bar x)^2},`}</Tex>
      <p>
        turns that matrix into the features’ correlation matrix: for two features with correlation <Tex>\rho</Tex> the ratio
        becomes <Tex>{String.raw`(1+|\rho|)/(1-|\rho|)`}</Tex>, whatever their units. Min-max scaling{' '}
        <Tex>{String.raw`(x - \min x)/(\max x - \min x)`}</Tex> does much the same for features without extreme values. Fit a
        scaler on the training rows only and apply those numbers to new data.
      </p>
      <p>
        <strong>Polynomial features</strong> add every product of up to <Tex>d</Tex> inputs; for two inputs and degree 2,
        scikit-learn’s PolynomialFeatures names them <code>1, x0, x1, x0^2, x0 x1, x1^2</code>. The columns grow as{' '}
        <Tex>{String.raw`\binom{p+d}{d}`}</Tex> for <Tex>p</Tex> inputs, and so does the room to overfit.
      </p>
      <p className="ctl-help">
        Conventions: scikit-learn’s StandardScaler (population standard deviation), MinMaxScaler, KBinsDiscretizer (quantile
        edges by the averaged inverted CDF), OneHotEncoder and OrdinalEncoder (categories sorted), PolynomialFeatures and r2_score.
        Least squares with an intercept; logistic regression with C = 100; k-NN with k = 5 by Euclidean distance. Scores use
        1000 fresh points from the same source; the real data, 534 workers of the 1985 Current Population Survey, are scored by
        5-fold cross-validation.
      </p>
    </>
  );
}
