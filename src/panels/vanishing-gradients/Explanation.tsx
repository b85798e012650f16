import { Tex } from '../../lib/tex/Tex';

export function Explanation() {
  return (
    <>
      <p>
        A deep network is a chain of layers, <Tex>{String.raw`h_l = \phi(z_l)`}</Tex> with{' '}
        <Tex>{String.raw`z_l = h_{l-1}W_l`}</Tex>. Backpropagation carries the gradient from the output back to layer{' '}
        <Tex>{String.raw`l`}</Tex> through every layer in between, so it is a <strong>product</strong> of per-layer factors:
      </p>
      <Tex block>{String.raw`\begin{aligned}\frac{\partial \mathcal L}{\partial h_l} &= \frac{\partial \mathcal L}{\partial h_L}\prod_{k=L}^{l+1} J_k,\\ J_k &= \operatorname{diag}\phi'(z_k)\,W_k^{\top}\end{aligned}`}</Tex>
      <p>
        If the typical factor is a bit below one, the product shrinks geometrically with depth and the first layers stop learning
        (<strong>vanishing</strong>); a bit above one and it blows up (<strong>exploding</strong>). The sigmoid’s slope is at
        most <Tex>{String.raw`\tfrac14`}</Tex>, and near 0 once a unit saturates, so sigmoid chains vanish unless the weights
        are large, and large weights saturate it.
      </p>
      <p>
        <strong>Initialisation</strong> picks the weight scale so each factor is about one. With independent, mean-zero weights
        and <Tex>{String.raw`n_\text{in}`}</Tex> inputs per unit, the variance of <Tex>{String.raw`z`}</Tex> is{' '}
        <Tex>{String.raw`n_\text{in}\sigma_w^2\,\mathbb E[h^2]`}</Tex>. For an activation with slope 1 at zero (tanh),
        keeping the forward variance constant gives <Tex>{String.raw`\sigma_w^2 = 1/n_\text{in}`}</Tex> (LeCun); keeping the
        backward one gives <Tex>{String.raw`1/n_\text{out}`}</Tex>, and Xavier/Glorot takes the compromise between them:
      </p>
      <Tex block>{String.raw`\begin{aligned}\text{Xavier: } \sigma_w^2 &= \tfrac{2}{n_\text{in}+n_\text{out}}\\ \text{He: } \sigma_w^2 &= \tfrac{2}{n_\text{in}}\end{aligned}`}</Tex>
      <p>
        He keeps the forward variance for ReLU, which zeroes half its inputs and so halves <Tex>{String.raw`\mathbb E[h^2]`}</Tex>.
        None of these suits the sigmoid, whose slope at zero is only <Tex>{String.raw`\tfrac14`}</Tex>. (Normal variants;
        uniform ones with the same variance also exist.)
      </p>
      <p>
        <strong>Batch normalisation</strong> standardises each unit over the batch,{' '}
        <Tex>{String.raw`\hat z = (z-\mu_B)/\sqrt{\sigma_B^2+\epsilon}`}</Tex>, so activations stay out of the flat tails
        whatever the weights. The full layer then applies a learned scale and shift, <Tex>{String.raw`\gamma\hat z+\beta`}</Tex>,
        and at test time uses running averages of <Tex>{String.raw`\mu_B, \sigma_B^2`}</Tex> from training instead of the
        batch’s own; here only training is shown, with <Tex>{String.raw`\gamma = 1, \beta = 0`}</Tex> fixed.
      </p>
      <p>
        A <strong>residual connection</strong> adds the input back, <Tex>{String.raw`h_l = h_{l-1} + \phi(z_l)`}</Tex>,
        so each factor becomes <Tex>{String.raw`I + J_l`}</Tex>: the gradient always has a path that multiplies by one. Plain sums
        also add up the signal layer after layer, which is why residual networks scale or normalise their branches. The same
        idea through time is the classic remedy in recurrent networks: an LSTM’s cell state (a GRU’s hidden state) is updated
        additively through gates, so while the forget gate stays near one its gradient passes many steps undiminished.
      </p>
      <p>
        <strong>Gradient clipping</strong> rescales the whole gradient when it is too long,{' '}
        <Tex>{String.raw`g \leftarrow g\cdot\min\!\big(1, c/\lVert g\rVert\big)`}</Tex> (PyTorch’s{' '}
        <code>clip_grad_norm_</code>). With plain gradient descent that caps each step at <Tex>{String.raw`\eta c`}</Tex>, so an
        exploding gradient cannot throw the weights away. Adam divides by the gradient’s own running size, so its step does
        not change when every gradient is scaled by the same factor, and clipping changes it far less. Either way it does
        nothing for a vanishing gradient: the direction is unchanged.
      </p>
      <p className="ctl-help">
        The network has no biases (the inputs carry a constant 1); the last layer is linear and the loss is the mean squared
        error over all 128 points. Weights start from our seeded generator, so a link starts from the same weights on any machine (float32 results
        can differ in the last digits between tfjs backends).
        Forward and backward passes run in tfjs (float32, batch norm’s backward pass in its closed form); the update is plain
        gradient descent or Adam.
      </p>
    </>
  );
}
