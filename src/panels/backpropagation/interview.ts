/**
 * Backpropagation in an interview (issue 15): the model answer with "show me" states, checks the
 * learner predicts before looking, and what comes next. interview.test.ts computes the lesson at
 * every state and checks each stated answer.
 */
import type { Interview } from '../../lib/panel/types';
import { SAT_W1 } from './experiments';
import type { schema } from './params';

export const interview: Interview<typeof schema> = {
  answer: [
    [
      'Backpropagation is the chain rule, organised so nothing is computed twice. The forward pass computes every unit’s value and keeps it. The backward pass starts at the loss and hands an error signal δ from each layer to the one before, multiplying by one local derivative at each step.',
    ],
    [
      'A weight’s gradient is the δ of the unit it feeds times the input it multiplied: ',
      { text: 'a product of local derivatives', params: { step: 9, sel: 'W1_31' } },
      '. One backward pass gives every gradient for roughly the cost of another forward pass, which is what makes training large networks affordable. ',
      { text: 'Gradient descent then moves every weight', params: { step: 200 } },
      ' against its gradient, and the loss falls.',
    ],
    [
      'Say what breaks it: ',
      { text: 'a saturated sigmoid passes almost nothing back', params: { activation: 'sigmoid', W1: SAT_W1, sel: 'W1_11' } },
      ', a ReLU that is off passes nothing at all, and ',
      { text: 'too large a step overshoots', params: { lr: 10, step: 10 } },
      '. To trust an implementation, compare it with finite differences (gradient checking), as the table does.',
    ],
  ],
  checks: [
    {
      id: 'relu-off',
      question: 'Switch the hidden units to ReLU. For a unit whose pre-activation z is negative, how large are the gradients of its incoming weights?',
      options: ['Exactly zero', 'Small, but not zero', 'The same as they were with tanh'],
      answer: 0,
      state: { activation: 'relu', step: 9 },
      why: 'ReLU’s slope is zero for negative z, and every path back to those weights passes through that slope, so the whole product is zero.',
    },
    {
      id: 'big-step',
      question: 'Raise the learning rate to η = 10 and apply one update from the starting weights. Does the loss go up or down?',
      options: ['Up', 'Down', 'It stays the same'],
      answer: 0,
      state: { lr: 10, step: 10 },
      why: 'The gradient only describes the loss near the current weights; a step this long lands where the loss is higher, even though it points downhill at the start.',
    },
    {
      id: 'ce-vs-mse',
      question: 'The sigmoid output is confidently wrong (ŷ near 0, target 1). Which loss sends the larger error signal δ₂ back from the output?',
      options: ['Cross-entropy', 'Squared error', 'They send the same'],
      answer: 0,
      state: { head: 'sigmoid-mse', b2: -7 },
      why: 'With squared error δ₂ = (ŷ − t)·ŷ(1 − ŷ), and the sigmoid’s slope ŷ(1 − ŷ) is almost zero out there. Cross-entropy cancels that slope: δ₂ = ŷ − t, close to −1.',
    },
  ],
  followUps: [
    {
      question: 'Why do gradients vanish in deep sigmoid networks?',
      answer: 'Each layer multiplies the signal by a sigmoid slope of at most 0.25, so after many layers it shrinks geometrically; ReLU, good initialisation, normalisation and residual connections keep it near one.',
      slug: 'vanishing-gradients',
    },
    {
      question: 'Why is reverse mode used and not forward-mode differentiation?',
      answer: 'A network has one loss and millions of weights. Reverse mode gets all their gradients in one backward pass; forward mode would need one pass per weight.',
    },
    {
      question: 'What does an optimiser add on top of the gradient?',
      answer: 'Momentum and adaptive step sizes (Adam, RMSprop) change how far and in which direction each step goes, using the history of gradients.',
      slug: 'gradient-descent',
    },
  ],
};
