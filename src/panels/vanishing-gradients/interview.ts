/**
 * Vanishing gradients in an interview (issue 15): the model answer with "show me" states, checks
 * the learner predicts before looking, and what an interviewer asks next. interview.test.ts trains
 * the panel's own networks (short seeded runs, mostly at initialisation) and checks each stated
 * answer.
 */
import type { Interview } from '../../lib/panel/types';
import type { schema } from './params';

export const interview: Interview<typeof schema> = {
  answer: [
    [
      'Backpropagation multiplies the gradient by one factor per layer on its way back: the layer’s weights times the activation’s slope. If those factors are typically below one, the product shrinks geometrically with depth: ',
      { text: 'the first layer of a deep sigmoid network gets orders of magnitude less gradient than the last', params: { step: 0 } },
      ', so the early layers barely learn and ',
      { text: 'the loss stalls at the variance of the target', params: {} },
      ', the network predicting little more than the mean. If the factors are above one, the gradient explodes instead, as with ',
      { text: 'ReLU and large initial weights', params: { activation: 'relu', init: 'naive', step: 0 } },
      '.',
    ],
    [
      'The cures keep each factor near one. ',
      { text: 'ReLU with He initialisation', params: { activation: 'relu', init: 'he', step: 0 } },
      ' scales the weights to the fan-in and passes the gradient unchanged through active units; ',
      { text: 'batch normalisation', params: { batchNorm: true, step: 0 } },
      ' keeps the units out of the sigmoid’s flat tails; ',
      { text: 'residual connections', params: { residual: 'scaled', step: 0 } },
      ' add an identity path around each layer. For exploding gradients, ',
      { text: 'gradient clipping', params: { activation: 'relu', init: 'naive', clip: true } },
      ' caps the size of each update, but it treats the symptom: the initialisation is still wrong.',
    ],
    [
      'In practice, log the gradient norm of every layer: early layers far below the late ones mean vanishing, a loss that shoots up or turns into not-a-number means exploding.',
    ],
  ],
  checks: [
    {
      id: 'xavier-sigmoid',
      question: 'Keep the deep sigmoid network but switch to Xavier initialisation. At step 0, does the gradient still vanish on its way back to the first layer?',
      options: ['No: every layer gets about the same gradient', 'Yes, it still vanishes', 'No: it explodes instead'],
      answer: 1,
      state: { init: 'xavier', step: 0 },
      why: 'Xavier assumes an activation whose slope at zero is one, but the sigmoid’s is a quarter, so every layer still shrinks the gradient several-fold: the first layer gets even less than with the naive weights.',
    },
    {
      id: 'tanh-naive',
      question: 'Keep the naive initial weights and swap the sigmoid for tanh. At step 0, what does the gradient do on its way back to the first layer?',
      options: ['It still vanishes', 'It stays about the same size', 'It grows: the first layer gets far more than the last'],
      answer: 2,
      state: { activation: 'tanh', step: 0 },
      why: 'Tanh’s slope at zero is four times the sigmoid’s, and with weights this large each layer multiplies the gradient by more than its saturated units take away, so it grows layer after layer: the panel flags it as exploding.',
    },
    {
      id: 'relu-he',
      question: 'ReLU with He initialisation in the same deep network: at step 0, how does the first layer’s gradient compare with the last layer’s?',
      options: ['Within a small factor of it', 'Thousands of times smaller', 'Thousands of times larger'],
      answer: 0,
      state: { activation: 'relu', init: 'he', step: 0 },
      why: 'He draws the weights with variance two over the fan-in, which makes up for ReLU switching off about half its units, so each layer’s factor stays near one.',
    },
    {
      id: 'sigmoid-stall',
      question: 'The deep sigmoid network with naive weights trains with gradient descent for a while, and its loss stops falling. What has it learned?',
      options: ['The surface, all but its finest wiggles', 'Only to predict the mean of the targets', 'Nothing: the loss is where it started'],
      answer: 1,
      state: {},
      why: 'Its loss settles at the variance of the targets, the loss of the best constant prediction: the early layers never got enough gradient to learn features, and once the output matches the mean every layer’s gradient is tiny.',
    },
  ],
  followUps: [
    {
      question: 'Why does ReLU help, and what is its own failure?',
      answer: 'Its slope is one for positive inputs, so active units pass the gradient back unchanged. A unit whose input is negative for every example gets no gradient at all and stops learning (a dead ReLU); leaky ReLU and ELU keep a small slope there.',
      slug: 'backpropagation',
    },
    {
      question: 'How do LSTMs deal with vanishing gradients through time?',
      answer: 'An RNN unrolled over time is a deep network with shared weights. The LSTM updates its cell state additively, scaled by a forget gate, so the gradient can travel along it for many steps without passing through a squashing slope at each one. Attention goes further and links any two positions directly.',
      slug: 'attention',
    },
  ],
};
