import { Tex } from '../../lib/tex/Tex';

export function Explanation() {
  return (
    <>
      <p>
        A network is a chain of simple functions. Here: <Tex>{String.raw`z1 = W1\,x + b1`}</Tex>, <Tex>{String.raw`h = \varphi(z1)`}</Tex>,{' '}
        <Tex>{String.raw`z2 = W2\,h + b2`}</Tex>, an output <Tex>{String.raw`\hat y`}</Tex> and a loss <Tex>{String.raw`L`}</Tex>. The
        forward pass computes these left to right and keeps them.
      </p>
      <p>
        The <strong>backward pass</strong> applies the chain rule right to left. Each node multiplies the gradient arriving from
        above by its own local derivative and passes it on, so a weight’s gradient is a <strong>product of local derivatives</strong>{' '}
        along its path to the loss:
      </p>
      <Tex block>{String.raw`\frac{\partial L}{\partial W1_{ji}} = \underbrace{\frac{\partial L}{\partial \hat y}\,\frac{\partial \hat y}{\partial z2}}_{\delta_2}\;\underbrace{\frac{\partial z2}{\partial h_j}}_{W2_j}\;\underbrace{\frac{\partial h_j}{\partial z1_j}}_{\varphi'(z1_j)}\;\underbrace{\frac{\partial z1_j}{\partial W1_{ji}}}_{x_i} = \delta1_j\,x_i`}</Tex>
      <p>
        Every weight’s gradient is the error signal <Tex>{String.raw`\delta = \partial L/\partial z`}</Tex> at the node it feeds, times
        the input it carries. The <Tex>{String.raw`\delta`}</Tex>s are shared, so one backward pass gives every gradient for
        roughly the cost of two forward passes, however many weights there are: that is reverse-mode automatic differentiation,
        which is what tfjs and PyTorch run.
      </p>
      <p>
        <strong>Gradient checking.</strong> Central finite differences,{' '}
        <Tex>{String.raw`\frac{L(\theta + h e_k) - L(\theta - h e_k)}{2h}`}</Tex>, need two forward passes per parameter and have
        an error of order <Tex>{String.raw`h^2`}</Tex> plus rounding; too slow for training, ideal for testing a backward pass.
        They can legitimately disagree at a kink: ReLU has no derivative at <Tex>{String.raw`z = 0`}</Tex>; PyTorch and tfjs use slope 0
        there, while a central difference straddling the kink measures the average of the two slopes.
      </p>
      <p>
        <strong>Output and loss go together.</strong> With squared error <Tex>{String.raw`L = \tfrac12(\hat y - t)^2`}</Tex> (the ½
        cancels the 2) and a sigmoid output, <Tex>{String.raw`\delta_2 = (\hat y - t)\,\hat y(1-\hat y)`}</Tex>: a confidently wrong
        output has a tiny gradient. With cross-entropy the two factors cancel to <Tex>{String.raw`\delta_2 = \hat y - t`}</Tex>, large
        exactly when the output is wrong.
      </p>
      <p>
        <strong>The update</strong> moves every parameter against its gradient, <Tex>{String.raw`\theta \leftarrow \theta - \eta\,\nabla_\theta L`}</Tex>.
        For a small learning rate the loss falls by about <Tex>{String.raw`\eta\,\lVert\nabla_\theta L\rVert^2`}</Tex> (first-order
        Taylor); too large a step overshoots and the loss can go up.
      </p>
    </>
  );
}
