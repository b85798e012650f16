import { Tex } from '../../lib/tex/Tex';

export function Explanation() {
  return (
    <>
      <p>
        A network with many weights and few points can do more than find the pattern: it can memorise the points, noise
        included. Press play and watch the two curves. The <strong>training loss</strong> keeps falling, because every update
        is made for those points. The <strong>validation loss</strong>, measured on fresh points from the same source, falls
        at first, bottoms out and then climbs, while the boundary bends around single noisy points. The widening distance
        between the curves is the generalisation gap, and that is overfitting.
      </p>
      <p>The network minimises the mean cross-entropy of its n training points, plus an optional L2 penalty:</p>
      <Tex block>{String.raw`\begin{aligned}L(w) &= \frac{1}{n}\sum_{i=1}^{n} \ell\big(y_i, \hat p(x_i)\big) + \frac{\lambda}{2}\lVert W\rVert^2\\ \nabla L &= \nabla(\text{data loss}) + \lambda W\end{aligned}`}</Tex>
      <p>
        <strong>Weight decay</strong> (L2) pulls every weight towards zero a little at each step, so only the weights the data
        keeps asking for grow large. Small weights give a smoother boundary. <strong>Dropout</strong> switches off a random
        share <Tex>{'p'}</Tex> of hidden units at each training epoch and scales the others by{' '}
        <Tex>{String.raw`1/(1-p)`}</Tex>, so no unit can rely on one particular partner. <strong>Input jitter</strong>{' '}
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
      <p className="ctl-help">
        By default each epoch is one full-batch update (Adam or plain gradient descent); with a batch size b below n it is
        ⌈n/b⌉ updates, each on the mean loss of b points taken in a freshly shuffled order (TensorFlow Playground uses b = 10,
        so its epoch on 250 points is 25 updates). The L2 term is added to the loss, so under Adam it
        is plain L2 regularisation, not AdamW’s decoupled decay. Weights start from our seeded generator, so B starts from the
        same weights as A whenever their shapes match.
      </p>
    </>
  );
}
