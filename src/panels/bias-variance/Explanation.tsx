import { Tex } from '../../lib/tex/Tex';

export function Explanation() {
  return (
    <>
      <p>
        Train the same kind of model on many training sets <Tex>D</Tex> drawn from the same source and ask: how far is the{' '}
        <em>average</em> fit from the truth (<strong>bias</strong>), and how much do the fits <em>scatter</em> around their average (
        <strong>variance</strong>)? For squared error, at a fixed <Tex>x</Tex>, the expected error over training sets and noise
        splits exactly into these two plus noise nothing can remove:
      </p>
      <Tex block>{String.raw`\begin{aligned}&\mathbb{E}_{D,\varepsilon}\big[(y-\hat f_D(x))^2\big] = \text{bias}^2+\text{variance}+\sigma^2\\ &\text{bias}^2 = \big(\bar f(x)-f(x)\big)^2\\ &\text{variance} = \mathbb{E}_D\big[(\hat f_D(x)-\bar f(x))^2\big]\end{aligned}`}</Tex>
      <p>
        where <Tex>{String.raw`\bar f(x)=\mathbb{E}_D[\hat f_D(x)]`}</Tex> is the average fit over all possible training sets and{' '}
        <Tex>{String.raw`\sigma^2`}</Tex> the noise. The test error is this averaged over <Tex>x</Tex> (here uniform on [−1, 1]),
        and so are the bias² and variance the panel shows.
      </p>
      <p>
        A low-degree polynomial is too stiff: it misses the curve the same way on every training set (high bias, low variance). A
        high-degree one bends to each set’s noise, so every fit is different (low bias, high variance). The best degree balances
        the two, and it moves with the noise level and the number of points. Past the point where the fit passes through every
        training point, the minimum-norm fit’s test error can fall again as the degree grows: <strong>double descent</strong>.
      </p>
      <p>
        The panel estimates <Tex>{String.raw`\bar f`}</Tex> by the average of its resampled fits, so its bias² also holds the
        scatter of that average (variance ÷ number of sets). It measures the test error directly on fresh noisy points, so you can
        check that the three parts add up.
      </p>
      <p>
        <strong>Ridge</strong> minimises <Tex>{String.raw`\lVert y-\Phi w\rVert^2+\lambda\lVert w\rVert^2`}</Tex> (a sum over the
        points: scikit-learn’s <code>Ridge(alpha=λ, fit_intercept=False)</code> on these features). It adds bias and removes
        variance; for least squares with fixed inputs some <Tex>{String.raw`\lambda>0`}</Tex> always beats{' '}
        <Tex>{String.raw`\lambda=0`}</Tex> (Hoerl and Kennard), but a large λ costs more bias than it saves. Every coefficient is
        penalised, the constant too: in this basis <Tex>{String.raw`\lVert w\rVert^2`}</Tex> is the mean square of the fitted curve
        over [−1, 1], so ridge pulls the whole curve towards 0. The regularization panel leaves its intercept unpenalised
        (scikit-learn’s default); every true curve here averages 0, so shrinking the constant does little harm.
      </p>
      <p className="ctl-help">
        Fits use Legendre polynomial features, scaled to unit mean square on [−1, 1] (well conditioned at high degree); when there
        are more coefficients than points, the fit shown is the minimum-norm one that passes through every point.
      </p>
      <p>
        <strong>Your own data</strong> (Data: Your CSV data, columns x and y, 8 to 200 rows) have no known true function and no
        way to draw fresh training sets, so three things change. A seeded quarter of your rows is held out as test points; the
        other rows are the training part, and <em>bootstrap resamples</em> of it (drawn with replacement) stand in for new
        training sets. <strong>Variance</strong> is then the spread of the resampled fits at the held-out x, an estimate of the
        real one. <strong>Bias² and noise</strong> cannot be measured apart: each held-out x has one noisy y, and{' '}
        <Tex>{String.raw`\overline{(\hat f-y)^2}=\text{variance}+(\bar f-y)^2`}</Tex> per point, where the last term mixes bias²
        with noise, so the panel shows that sum. The <strong>test error</strong> is measured on the held-out points. x is mapped
        onto [−1, 1] for the fit; the plots keep your units. Every row travels in the link, values rounded to 1/65,535 of each
        column’s range; the panel uses the rounded values.
      </p>
    </>
  );
}
