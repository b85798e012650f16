import { Tex } from '../../lib/tex/Tex';

export function Explanation() {
  return (
    <>
      <p>
        A network with many weights and few points can do more than find the pattern: it can memorise the points, noise
        included. Press play and watch the two curves. The <strong>training loss</strong> keeps falling, because every update
        is made for those points. The <strong>validation loss</strong>, measured on fresh points from the same source, falls
        at first, bottoms out and then climbs, while the boundary bends around single noisy points. That is overfitting: the
        validation loss getting worse while the training loss still improves. The distance between the curves, the
        generalisation gap, is not overfitting by itself; almost every model scores a little better on the points it was fitted
        to. And a rising validation cross-entropy can mean over-confidence rather than worse decisions: a few confidently
        wrong points cost ever more loss while the validation accuracy stays flat, so read both.
      </p>
      <p>
        The network minimises the mean cross-entropy of its n training points, plus an optional L2 penalty on the weights
        (biases are not penalised):
      </p>
      <Tex block>{String.raw`\begin{aligned}L(w) &= \frac{1}{n}\sum_{i=1}^{n} \ell\big(y_i, \hat p(x_i)\big) + \frac{\lambda}{2}\lVert W\rVert^2\\ \nabla L &= \nabla(\text{data loss}) + \lambda W\end{aligned}`}</Tex>
      <p>
        <strong>Weight decay</strong> (L2) pulls every weight towards zero a little at each step, so only the weights the data
        keeps asking for grow large. Small weights give a smoother boundary. <strong>Dropout</strong> switches off each hidden
        unit with probability <Tex>{'p'}</Tex>, with a fresh random mask for every training point at every training pass, and
        scales the others by <Tex>{String.raw`1/(1-p)`}</Tex> (“inverted” dropout, as in PyTorch and Keras), so no unit can
        rely on one particular partner; validation uses the whole network. <strong>Input jitter</strong>{' '}
        (augmentation) trains on slightly moved copies of the points, so the network must give the same answer to a whole
        small neighbourhood of each point.
      </p>
      <p>
        <strong>Early stopping</strong> keeps the weights from the epoch with the lowest validation loss (★) and stops once{' '}
        <em>patience</em> epochs pass without a new best. Because that choice is made using the validation set, the validation
        loss it reports is a little optimistic: an honest estimate needs a third, untouched test set.
      </p>
      <p>
        <strong>More data</strong> works differently: the same network can no longer memorise everything, so the training loss
        rises and the validation loss falls. The learning curve shows that for sizes from 10 to 500 points, and “B = 4× the
        training points” shows it side by side with A.
      </p>
      <p>
        The rise of validation loss is not the whole story for very large models: past the size at which a model can fit its
        training points exactly (the interpolation threshold), test error can fall again as the model grows, or as it trains
        longer (<strong>double descent</strong>, Belkin et al. 2019, Nakkiran et al. 2019). The networks here are small, so
        they show the classic curve.
      </p>
      <p className="ctl-help">
        By default each epoch is one full-batch update (Adam or plain gradient descent); with a batch size b below n it is
        ⌈n/b⌉ updates, each on the mean loss of b points taken in a freshly shuffled order (TensorFlow Playground uses b = 10,
        so its epoch on 250 points is 25 updates). The L2 term is added to the loss, which is what PyTorch’s{' '}
        <code>weight_decay = λ</code> does for plain SGD (Keras’ <code>l2(λ)</code> adds <Tex>{String.raw`\lambda\lVert W\rVert^2`}</Tex>,
        twice ours); under Adam it is plain L2 regularisation, not AdamW’s decoupled decay. Weights start from our seeded generator, so B starts from the
        same weights as A whenever their shapes match.
      </p>
      <p>
        <strong>Your own data</strong> (Data set: Your CSV data): columns x1, x2 and label (0/1, or two values mapped to 0/1),
        10 to 200 rows. A seeded 30% of the rows become the validation set and the rest the training part, so validation loss is
        measured on your own held-out points rather than on 300 fresh ones from a known distribution; the noise slider no longer
        applies. Each column is scaled linearly onto −1.5…1.5 (min to max), which the plots show. The training-points slider takes
        the first n of the training part, at most all of it, and the learning curve stops there; “4× the data” is capped the same
        way. Every row travels in the link, values rounded to 1/65,535 of each column’s range (labels exactly); the network trains
        on the rounded values.
      </p>
    </>
  );
}
