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
        ahead. How much momentum buys: on a quadratic with condition number <Tex>\kappa</Tex>, gradient descent at its best step
        shrinks the error by <Tex>{String.raw`\tfrac{\kappa-1}{\kappa+1}`}</Tex> per step (of order <Tex>\kappa</Tex> steps per
        tenfold), heavy-ball momentum at its best <Tex>\eta</Tex> and <Tex>\mu</Tex> by{' '}
        <Tex>{String.raw`\tfrac{\sqrt\kappa-1}{\sqrt\kappa+1}`}</Tex> (of order <Tex>{String.raw`\sqrt\kappa`}</Tex>). On
        smooth convex functions in general the loss gap falls like <Tex>1/t</Tex> for gradient descent and{' '}
        <Tex>{String.raw`1/t^2`}</Tex> for Nesterov’s method, the best a first-order method can guarantee.
      </p>
      <p>
        <strong>Adaptive</strong> methods give each coordinate its own step by dividing by the size of its past gradients:
        AdaGrad by the root of the sum of their squares, RMSprop by the root of a decaying average of their squares.{' '}
        <strong>Adam</strong> does that and adds momentum; both averages start at 0, so early on they are divided by{' '}
        <Tex>{String.raw`1-\beta^t`}</Tex> to undo that bias:
      </p>
      <Tex block>{String.raw`\begin{aligned} m_t &= \beta_1 m_{t-1} + (1-\beta_1)\,g_t\\ v_t &= \beta_2 v_{t-1} + (1-\beta_2)\,g_t^2\\ \hat m_t &= \frac{m_t}{1-\beta_1^t},\quad \hat v_t = \frac{v_t}{1-\beta_2^t}\\ \theta_t &= \theta_{t-1} - \frac{\eta\,\hat m_t}{\sqrt{\hat v_t}+\epsilon} \end{aligned}`}</Tex>
      <p>
        So their steps are set by <Tex>\eta</Tex>, not by the gradient’s scale (hence their own slider). With a steady gradient
        Adam moves <Tex>\eta</Tex> per coordinate from the first step (the bias correction sees to that), less when recent
        gradients disagree in sign, and briefly more only after the gradient suddenly grows. RMSprop, uncorrected in PyTorch,
        starts with steps of <Tex>{String.raw`\eta/\sqrt{1-\alpha^t}`}</Tex> and settles to <Tex>\eta</Tex>; AdaGrad’s sum only
        grows, so its steps shrink like <Tex>{String.raw`\eta/\sqrt t`}</Tex>.
      </p>
      <p>
        On the logistic-regression loss each step can use a mini-batch, a noisy but unbiased gradient. With a constant step, as
        here, small batches keep jittering around the minimum; a decaying step (
        <Tex>{String.raw`\sum_t\eta_t=\infty,\ \sum_t\eta_t^2<\infty`}</Tex>, e.g. <Tex>{String.raw`\eta_t\propto 1/t`}</Tex>) lets
        it converge. In practice the step follows a schedule (a warm-up, then a decay such as cosine), and Adam’s weight decay is
        applied outside the adaptive scaling (AdamW subtracts <Tex>{String.raw`\eta\,\delta\,\theta`}</Tex>, with decay rate{' '}
        <Tex>\delta</Tex>), since decay added to the gradient would be divided by <Tex>{String.raw`\sqrt{\hat v}`}</Tex> too.
      </p>
      <p className="ctl-help">
        Gradients come from tfjs automatic differentiation (float32); the update rules follow PyTorch’s torch.optim, with every
        step size constant and no weight decay. A run is called diverged when its loss grows a million-fold, converged when it
        stops moving at a minimum.
      </p>
    </>
  );
}
