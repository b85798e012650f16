/**
 * The gradient-descent question in an interview (issue 15): the model answer with "show me"
 * states, checks the learner predicts before looking, and what an interviewer asks next.
 * interview.test.ts races the panel's optimizers (raceFor, tfjs gradients as in the worker, and
 * float64 analytic gradients too) at every state and checks each stated answer and quoted number.
 */
import type { Interview } from '../../lib/panel/types';
import type { GDParams, schema } from './params';

type State = Partial<GDParams>;

/** The "Try this" states the answer and the checks open. */
const OVER_LIMIT: State = { optimizers: ['sgd'], lr: 0.21, step: 100 };
const RAVINE: State = { kappa: 50, optimizers: ['sgd', 'momentum'], lr: 0.038, momentum: 0.6, step: 100 };
const UNEVEN: State = { kappa: 100, optimizers: ['sgd', 'rmsprop', 'adam'], lr: 0.019, lrAdaptive: 0.05, step: 100 };
const SADDLE: State = { surface: 'saddle', start: [-2.5, 0.001], optimizers: ['sgd', 'momentum', 'adam'], lr: 0.1, lrAdaptive: 0.05, step: 100 };
const VALLEYS: State = { surface: 'multimodal', start: [-2.5, 1.5], optimizers: ['sgd', 'momentum'], lr: 0.1, momentum: 0.95, step: 200 };
const BATCH_ONE: State = { surface: 'logistic', start: [-1.5, 2.5], optimizers: ['sgd'], lr: 0.5, batch: 1, step: 200 };

export const interview: Interview<typeof schema> = {
  answer: [
    [
      'Gradient descent minimises a loss by stepping against its gradient, θ ← θ − η∇L(θ), again and again. The step size η matters most: too small and it crawls; too large and it ',
      { text: 'overshoots and diverges', params: OVER_LIMIT },
      '. On a quadratic the step must stay under 2/L, where L is the steepest curvature.',
    ],
    [
      'On a ',
      { text: 'stretched bowl', params: RAVINE },
      ' that cap comes from the steep direction, so plain gradient descent bounces across the valley and crawls along it. Momentum keeps a decaying sum of past gradients: the bounces cancel and speed builds along the floor. Adaptive methods (AdaGrad, RMSprop, Adam) divide each coordinate’s step by a running measure of its gradient’s size, which ',
      { text: 'evens out uneven scales', params: UNEVEN },
      ' and ',
      { text: 'leaves a saddle quickly', params: SADDLE },
      '.',
    ],
    [
      'In practice the gradient is estimated on a mini-batch (stochastic gradient descent): cheap steps, but ',
      { text: 'noisy ones', params: BATCH_ONE },
      ', so the step size is usually decayed over time. On a non-convex loss no method guarantees the global minimum: ',
      { text: 'gradient descent can stop in a valley that is not the lowest', params: VALLEYS },
      ', and where a run ends depends on the start and the settings. Adam is a robust default that needs little tuning; SGD with momentum and a good step schedule is still common and often generalises as well.',
    ],
  ],
  checks: [
    {
      id: 'default-race',
      question: 'On the default stretched bowl (κ = 10) with the default step sizes, which optimizer reaches the minimum first?',
      options: ['Adam', 'Momentum', 'Gradient descent'],
      answer: 2,
      state: { step: 100 },
      why: 'On a mildly stretched bowl a well-chosen step is all plain gradient descent needs. Momentum at μ = 0.9 carries too much speed and circles the minimum before it settles, and Adam’s steps do not shrink in proportion to the gradient, so it too overshoots near the minimum. The extra machinery pays off on harder surfaces.',
    },
    {
      id: 'step-over-limit',
      question: 'Plain gradient descent on the default bowl, whose steepest curvature L is 10. Raise the step from 0.17 to 0.21: what happens?',
      options: ['It converges faster: the steps are bigger', 'It zig-zags more but still converges', 'It diverges'],
      answer: 2,
      state: OVER_LIMIT,
      why: 'Along the steep axis each step multiplies the offset by one minus the step times L. Above 2/L that factor is below minus one, so every bounce is larger than the last.',
    },
    {
      id: 'ravine',
      question: 'A much more stretched bowl (κ = 50), with the step at 0.038, just under 2/L. Which reaches the minimum first: gradient descent or momentum (μ = 0.6)?',
      options: ['Gradient descent', 'Momentum', 'Neither within the 500 iterations'],
      answer: 1,
      state: RAVINE,
      why: 'Gradient descent’s step is capped by the steep walls, so it creeps along the flat floor. Momentum’s alternating gradients across the ravine cancel in its running sum, while the small gradient along the floor adds up into speed.',
    },
    {
      id: 'saddle',
      question: 'Start a hair off the ridge of a saddle, where the sideways gradient is tiny. Which optimizer gets away from the saddle point first?',
      options: ['Gradient descent', 'Momentum', 'Adam'],
      answer: 2,
      state: SADDLE,
      why: 'Adam divides each coordinate by the size of its own gradient, so a tiny sideways gradient still gives a full-sized sideways step. Gradient descent moves in proportion to the gradient and idles on the ridge; momentum gathers speed, but more slowly.',
    },
    {
      id: 'local-min',
      question: 'Several valleys: plain gradient descent starts at the upper left. Where does it stop?',
      options: ['In the lowest valley', 'In the nearest valley, which is not the lowest', 'Nowhere: it keeps moving'],
      answer: 1,
      state: VALLEYS,
      why: 'Gradient descent only sees the local slope, so it settles in the first valley it rolls into. Heavy momentum in the same state rolls over the rim into the deepest one, but neither method knows which valley is lowest.',
    },
  ],
  followUps: [
    {
      question: 'Why does Adam need bias correction?',
      answer: 'Its running averages of the gradient and its square start at zero, so in the first steps they are too small. Dividing each by one minus its β raised to the step count removes that bias.',
    },
    {
      question: 'Batch, mini-batch or stochastic gradient descent: what is the difference?',
      answer: 'How many examples each step’s gradient uses: all of them, a small batch, or one. Smaller batches give cheaper, noisier steps and many more updates per pass over the data; for the noise to settle, the step size must decay.',
    },
    {
      question: 'What are vanishing and exploding gradients?',
      answer: 'In a deep network the gradient is a product of one factor per layer, so it can shrink or blow up with depth. Careful initialisation, normalisation, residual connections and gradient clipping help.',
      slug: 'vanishing-gradients',
    },
  ],
};
