import { Tex } from '../../lib/tex/Tex';

export function Explanation() {
  return (
    <>
      <p>
        A penalty on the size of the weights adds bias and removes variance; a well-chosen λ lowers the test error. The panel fits
        one objective for all three penalties (scikit-learn’s <code>ElasticNet</code>, the same as glmnet’s without standardising):
      </p>
      <Tex block>{String.raw`\begin{aligned}\min_{w,\,b}\ &\tfrac{1}{2n}\lVert y - Xw - b\rVert^2\\ &+ \lambda\Big(\alpha\lVert w\rVert_1 + \tfrac{1-\alpha}{2}\lVert w\rVert_2^2\Big)\end{aligned}`}</Tex>
      <p>
        <Tex>{String.raw`\alpha = 1`}</Tex> is the lasso (L1), <Tex>{String.raw`\alpha = 0`}</Tex> ridge (L2), anything between the
        elastic net. The intercept <Tex>b</Tex> is never penalised. Ridge in this form equals scikit-learn’s <code>Ridge</code> with{' '}
        <code>alpha</code> <Tex>{String.raw`= n\lambda`}</Tex>, since <code>Ridge</code> does not divide the squared error by{' '}
        <Tex>n</Tex>.
      </p>
      <p>
        <strong>Why L1 makes exact zeros.</strong> When the centred features are orthonormal in the sample (
        <Tex>{String.raw`X^\top X/n = I`}</Tex>; features drawn with unit variance are only roughly so) each
        weight is solved alone: ridge divides the least-squares weight <Tex>z</Tex> by <Tex>{String.raw`1+\lambda`}</Tex>, which
        never reaches 0, while the lasso subtracts <Tex>\lambda</Tex> from its size and stops at 0:
      </p>
      <Tex block>{String.raw`\begin{aligned}\text{ridge: } & w = \tfrac{z}{1+\lambda}\\ \text{lasso: } & w = \operatorname{sign}(z)\max(|z|-\lambda,\,0)\end{aligned}`}</Tex>
      <p>
        Geometrically, penalising is the same as constraining the weights to a ball and taking the lowest loss contour that touches
        it. The L1 ball is a diamond with corners on the axes, and contours usually meet it first at a corner, where a weight is
        exactly 0. The L2 ball is round, so the touching point is almost never on an axis. The elastic-net ball keeps the
        diamond’s corners on the axes (so exact zeros remain) but bulges its edges outwards.
      </p>
      <p>
        <strong>Correlated features.</strong> When features move together the lasso has no reason to prefer one, and it tends to keep
        one and drop the rest. The L2 part of the elastic net makes the penalty strictly convex, so correlated features get similar
        weights and the group stays in together. With correlated features a single weight need not shrink steadily as λ grows: it
        can grow, or change sign, on the way. Every weight is exactly zero once
      </p>
      <Tex block>{String.raw`\lambda \ge \lambda_{\max} = \frac{\max_j |x_j^\top (y-\bar y)|}{n\,\alpha}`}</Tex>
      <p>
        <strong>Units matter.</strong> The penalty treats every weight alike, so standardise the features first (glmnet does by
        default; with scikit-learn, put a <code>StandardScaler</code> before the model). The panel does not rescale: its features are drawn with unit variance.{' '}
        <strong>As a prior:</strong> ridge is the most probable <Tex>w</Tex> (MAP) under a Gaussian prior{' '}
        <Tex>{String.raw`w_j\sim\mathcal N(0,\tau^2)`}</Tex>, with <Tex>{String.raw`\lambda=\sigma^2/(n\tau^2)`}</Tex> in this
        form, and the lasso is the MAP under a Laplace prior, whose sharp peak at 0 is what makes exact zeros.
      </p>
      <p className="ctl-help">
        Ridge uses its closed form (the <Tex>n\times n</Tex> dual form when there are more features than samples). Lasso and elastic
        net use coordinate descent with soft-thresholding, warm-started from the largest λ down the path, in float64. The test error is exact: the expected error on fresh data from the known
        distribution, not a sampled test set.
      </p>
    </>
  );
}
