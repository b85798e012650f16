import { Tex } from '../../lib/tex/Tex';

export function Explanation() {
  return (
    <>
      <p>
        Train the same kind of model on many training sets drawn from the same source and ask: how far is the <em>average</em>{' '}
        fit from the truth (<strong>bias</strong>), and how much do the fits <em>scatter</em> around their average (
        <strong>variance</strong>)? For squared error, the expected test error splits exactly into these two plus noise nothing can
        remove:
      </p>
      <Tex block>{String.raw`\begin{aligned}\mathbb{E}\big[(y-\hat f(x))^2\big] &= \big(\bar f(x)-f(x)\big)^2 && \text{bias}^2\\ &+ \mathbb{E}\big[(\hat f(x)-\bar f(x))^2\big] && \text{variance}\\ &+ \sigma^2 && \text{noise}\end{aligned}`}</Tex>
      <p>
        A low-degree polynomial is too stiff: it misses the curve the same way on every training set (high bias, low variance). A
        high-degree one bends to each set’s noise, so every fit is different (low bias, high variance). The best degree balances
        the two, and it moves with the noise level and the number of points.
      </p>
      <p>
        Here <Tex>{String.raw`\bar f`}</Tex> is the average of all resampled fits; the panel also measures the test error
        directly on fresh noisy points, so you can check that the three parts add up. Ridge adds{' '}
        <Tex>{String.raw`\lambda\lVert w\rVert^2`}</Tex> to the loss: a little bias bought for a lot less variance.
      </p>
      <p className="ctl-help">
        Fits use Legendre polynomial features (well conditioned at high degree); when there are more coefficients than points, the
        fit shown is the minimum-norm one that passes through every point.
      </p>
    </>
  );
}
