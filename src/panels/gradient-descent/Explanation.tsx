import { Tex } from '../../lib/tex/Tex';

export function Explanation() {
  return (
    <>
      <p>
        Gradient descent walks downhill: each step moves the parameters against the gradient, scaled by the step size (learning
        rate) <Tex>{String.raw`\eta`}</Tex>:
      </p>
      <Tex block>{String.raw`\theta_{t+1} = \theta_t - \eta\,\nabla f(\theta_t)`}</Tex>
      <p>
        Whether that converges depends on the curvature. On a quadratic bowl, every direction of curvature{' '}
        <Tex>{String.raw`\lambda`}</Tex> is multiplied by <Tex>{String.raw`1-\eta\lambda`}</Tex> at each step, so the run shrinks
        only if that factor stays between −1 and 1 for the steepest direction, <Tex>{String.raw`\lambda_{\max} = L`}</Tex>:
      </p>
      <Tex block>{String.raw`0 < \eta < \frac{2}{L}`}</Tex>
      <p>
        Just above <Tex>{String.raw`2/L`}</Tex> each step overshoots the steep walls by more than the last, and the run diverges.
        Just below it, the flattest direction shrinks only by <Tex>{String.raw`1-\eta\lambda_{\min}`}</Tex> per step: in a
        stretched bowl (condition number <Tex>{String.raw`\kappa = L/\lambda_{\min}`}</Tex>) the walls set the step and the run
        crawls along the floor.
      </p>
      <p>
        <strong>Momentum</strong> keeps a running sum of gradients: directions that agree build up speed, zig-zags cancel. In
        PyTorch’s form:
      </p>
      <Tex block>{String.raw`\begin{aligned} v_{t+1} &= \mu\, v_t + \nabla f(\theta_t)\\ \theta_{t+1} &= \theta_t - \eta\, v_{t+1} \end{aligned}`}</Tex>
      <p>
        Nesterov steps along <Tex>{String.raw`\nabla f(\theta_t) + \mu\, v_{t+1}`}</Tex> instead: it looks one momentum step
        ahead.
      </p>
      <p>
        <strong>Adaptive</strong> methods give each coordinate its own step by dividing by the size of its recent gradients:
        AdaGrad by the root of their summed squares, RMSprop by a decaying average. <strong>Adam</strong> does that and adds
        momentum; both averages start at 0, so early on they are divided by <Tex>{String.raw`1-\beta^t`}</Tex> to undo that
        bias:
      </p>
      <Tex block>{String.raw`\begin{aligned} m_t &= \beta_1 m_{t-1} + (1-\beta_1)\,g_t\\ v_t &= \beta_2 v_{t-1} + (1-\beta_2)\,g_t^2\\ \hat m_t &= \frac{m_t}{1-\beta_1^t},\quad \hat v_t = \frac{v_t}{1-\beta_2^t}\\ \theta_t &= \theta_{t-1} - \frac{\eta\,\hat m_t}{\sqrt{\hat v_t}+\epsilon} \end{aligned}`}</Tex>
      <p>
        So an adaptive step is about <Tex>{String.raw`\eta`}</Tex> per coordinate whatever the gradient’s scale; that is why it
        has its own step-size slider. On the logistic-regression loss each step can use a mini-batch: the gradient is then a
        noisy estimate, and small batches jitter around the minimum instead of settling.
      </p>
      <p className="ctl-help">
        Gradients come from tfjs automatic differentiation (float32); the update rules follow PyTorch’s torch.optim. A run is
        called diverged when its loss grows a million-fold, converged when it stops moving at a minimum.
      </p>
    </>
  );
}
