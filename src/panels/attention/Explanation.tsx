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
        So each output is a weighted average of the values, with weights that are positive and sum to one along each row. A
        causal mask sets <Tex>{String.raw`s_{ij} = -\infty`}</Tex> for <Tex>{String.raw`j > i`}</Tex>, so those weights are
        exactly zero and no token sees the future.
      </p>
      <p>
        <strong>Why divide by √d_k?</strong> If the components of <Tex>q</Tex> and <Tex>k</Tex> are independent with variance 1,
        then <Tex>{String.raw`\operatorname{Var}(q\cdot k) = d_k`}</Tex>. Wider heads give larger scores, the largest one wins
        outright, and the softmax saturates into a one-hot row whose gradient is almost zero. Dividing by{' '}
        <Tex>{String.raw`\sqrt{d_k}`}</Tex> brings the variance back to 1 at every width: the entropy plot shows the
        difference.
      </p>
      <p>
        <strong>Heads</strong> run several attentions side by side, each with its own <Tex>{String.raw`W_Q, W_K, W_V`}</Tex>;
        their outputs are concatenated and mixed by <Tex>{String.raw`W_O`}</Tex>. The cost is{' '}
        <Tex>{String.raw`O(n^2 d)`}</Tex> time and an <Tex>{String.raw`n \times n`}</Tex> map per head.
      </p>
      <p>
        The mechanics mode uses random (seeded) weights, so its patterns mean nothing yet. The trained mode shows learning
        giving them meaning: to reverse a sequence, output <Tex>i</Tex> must read input <Tex>{String.raw`L-1-i`}</Tex>, and
        the map turns into that anti-diagonal.
      </p>
    </>
  );
}
