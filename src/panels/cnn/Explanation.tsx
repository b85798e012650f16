import { Tex } from '../../lib/tex/Tex';

export function Explanation() {
  return (
    <>
      <p>
        A <strong>convolution</strong> slides one small filter (a kernel, here 3×3) over the image and, at every position,
        multiplies the pixels under it by its weights and adds them up:
      </p>
      <Tex block>{String.raw`y_{ij} = \sum_{a=0}^{2}\sum_{b=0}^{2} K_{ab}\, x_{\,is - p + ad,\; js - p + bd} \;(+\, \text{bias})`}</Tex>
      <p>
        with stride <Tex>s</Tex>, zero padding <Tex>p</Tex> and dilation <Tex>d</Tex>. Deep-learning libraries compute
        exactly this (strictly a cross-correlation: the kernel is not flipped, which makes no difference once the weights are
        learned). The same nine weights are used at every position: that <strong>weight sharing</strong> is why a conv
        layer has few parameters, and why a pattern is detected wherever it appears (at stride 1, shift the input and, away from the border, the map shifts with it:
        translation equivariance). Each side of the output has
      </p>
      <Tex block>{String.raw`n_{\text{out}} = \left\lfloor \frac{n + 2p - d(k-1) - 1}{s} \right\rfloor + 1`}</Tex>
      <p>
        cells. Padding keeps the border, a stride skips positions (stride 2 halves each side), and dilation spreads the taps
        so one output sees <Tex>{String.raw`(k-1)d + 1`}</Tex> pixels across with the same nine weights.
      </p>
      <p>
        <strong>Pooling</strong> summarises each small window (max or average) with no weights at all. It shrinks the map
        and makes the result care less about exactly where a feature was.
      </p>
      <p>
        <strong>Why not a dense layer?</strong> Mapping the 16×16 input to eight 16×16 maps with a dense layer takes 256 ×
        2,048 = 524,288 weights, and a stroke learned in one corner means nothing in another. The first convolution here
        has 8 × 9 weights and 8 biases, 80 in all, and finds a stroke wherever it sits: each output looks only at a small
        neighbourhood (local connectivity) with weights shared across positions.
      </p>
      <p>
        Stack them and the <strong>receptive field</strong> grows: after conv 3×3, pool 2, conv 3×3, one cell of the
        second layer depends on an 8×8 patch of the input. Early filters learn edges and strokes; later ones combine them
        into parts of digits; a dense layer turns the last maps into ten class scores, and a softmax into probabilities.
      </p>
      <p>
        The trained mode does exactly that: conv 3×3 → ReLU → 2×2 max-pool, twice, then a dense layer (3,818 weights with
        the default 8 and 16 filters), trained with Adam on batches of 32 digits the app draws afresh for every step: strokes
        turned, stretched, sheared, shifted and drawn with a random pen. Accuracy is measured on 500 digits it never trains
        on. Training runs in a background worker, so the page stays responsive.
      </p>
    </>
  );
}
