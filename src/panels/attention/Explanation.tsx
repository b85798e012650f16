import { Tex } from '../../lib/tex/Tex';

export function Explanation() {
  return (
    <>
      <p>
        Every token plays three parts. Its <strong>query</strong> says what it is looking for, its <strong>key</strong> says what
        it offers, and its <strong>value</strong> is what it hands over. All three are linear maps of the token’s vector{' '}
        <Tex>{String.raw`x_i`}</Tex>:
      </p>
      <Tex block>{String.raw`\begin{aligned} q_i &= x_i W_Q,\quad k_j = x_j W_K,\quad v_j = x_j W_V\\ s_{ij} &= \frac{q_i \cdot k_j}{\sqrt{d_k}}\\ a_{ij} &= \frac{e^{s_{ij}}}{\sum_{l} e^{s_{il}}}\\ o_i &= \textstyle\sum_j a_{ij}\, v_j \end{aligned}`}</Tex>
      <p>
        So each output is a weighted average of the values, with weights that are non-negative and sum to one along each row. A
        causal mask sets <Tex>{String.raw`s_{ij} = -\infty`}</Tex> for <Tex>{String.raw`j > i`}</Tex>, so those weights are
        exactly zero and no token sees the future.
      </p>
      <p>
        Without a mask, nothing in these formulas knows where a token sits: permute the tokens and the outputs are permuted
        the same way (self-attention is <strong>permutation-equivariant</strong>). Word order enters only through{' '}
        <strong>position encodings</strong> added to <Tex>{String.raw`x_i`}</Tex>; the mechanics mode uses the sinusoidal ones
        of Vaswani et al. (2017), the trained mode learns its own.
      </p>
      <p>
        <strong>Why divide by √d_k?</strong> If the components of <Tex>q</Tex> and <Tex>k</Tex> are independent with mean 0 and
        variance 1, then <Tex>{String.raw`\operatorname{Var}(q\cdot k) = d_k`}</Tex>. Wider heads give larger scores, the largest one wins
        outright, and the softmax saturates into a one-hot row whose gradient is almost zero. Dividing by{' '}
        <Tex>{String.raw`\sqrt{d_k}`}</Tex> brings the variance back to 1 at every width: the entropy plot shows the
        difference.
      </p>
      <p>
        <strong>Heads</strong> run several attentions side by side, each with its own <Tex>{String.raw`W_Q, W_K, W_V`}</Tex>;
        their outputs are concatenated and mixed by <Tex>{String.raw`W_O`}</Tex> (PyTorch’s <code>nn.MultiheadAttention</code>{' '}
        gives each of <Tex>H</Tex> heads <Tex>{String.raw`d_k = d/H`}</Tex>; the mechanics mode lets you set{' '}
        <Tex>{String.raw`d_k`}</Tex> directly). For{' '}
        <Tex>n</Tex> tokens of width <Tex>d</Tex>, the projections cost <Tex>{String.raw`O(n d^2)`}</Tex> time, the scores and
        the weighted sums <Tex>{String.raw`O(n^2 d)`}</Tex>, and the <Tex>{String.raw`n \times n`}</Tex> maps{' '}
        <Tex>{String.raw`O(n^2)`}</Tex> memory per head if they are stored whole: the quadratic terms are what long inputs run
        into.
      </p>
      <p>
        The mechanics mode uses random (seeded) weights, so its patterns mean nothing yet. The trained mode shows learning
        giving them meaning: to reverse a sequence, output <Tex>i</Tex> must read input <Tex>{String.raw`L-1-i`}</Tex>, and
        the map turns into that anti-diagonal.
      </p>
    </>
  );
}
