/**
 * Attention in an interview (issue 15): the model answer with "show me" states, checks the learner
 * predicts before looking, and what an interviewer asks next. interview.test.ts computes the
 * mechanics (and one short seeded training run) at every state and checks each stated answer.
 */
import type { Interview } from '../../lib/panel/types';
import type { schema } from './params';

export const interview: Interview<typeof schema> = {
  answer: [
    [
      'Attention lets each token build its output from all the others. Every token’s vector is mapped to a query (what it looks for), a key (what it offers) and a value (what it hands over). Query i scores key j by their dot product divided by √d_k; a softmax turns each row of scores into weights that are non-negative and sum to one, and the output is the weighted average of the values.',
    ],
    [
      'The division matters: with unit-variance components a dot product has variance d_k, so in a wide head the largest score wins outright, and ',
      { text: 'without the scaling the rows go almost one-hot', params: { dk: 128, scale: false } },
      ', where the softmax passes back almost no gradient.',
    ],
    [
      'Attention alone ignores order: ',
      { text: 'repeated words without position encodings get identical rows', params: { sentence: 'repeat', positions: false } },
      ', so positions are added to the embeddings. A decoder uses ',
      { text: 'a causal mask', params: { causal: true } },
      ' so that no token attends to a later one. Several heads run side by side, each with its own projections; ',
      { text: 'trained to reverse digits', params: { mode: 'trained', step: 100 } },
      ', a head learns to read exactly the input each output needs.',
    ],
    [
      'The price is the n × n map per head: time and memory grow with the square of the sequence length, which is what long-context methods attack.',
    ],
  ],
  checks: [
    {
      id: 'unscaled-wide',
      question: 'Turn off the division by √d_k and set d_k = 128. What do the rows of attention weights look like?',
      options: [
        'Much the same as with the scaling',
        'Nearly one-hot: one key takes almost all the weight',
        'Nearly uniform: every key gets about the same weight',
      ],
      answer: 1,
      state: { dk: 128, scale: false },
      why: 'The raw scores spread with a standard deviation near √d_k, so the top score in each row is far above the rest and the softmax gives it almost everything; the row entropies collapse.',
    },
    {
      id: 'causal-first-token',
      question: 'Switch on the causal mask. How much of its attention does the first token put on itself?',
      options: ['About the same share as on each other token', 'None: a token does not attend to itself', 'All of it'],
      answer: 2,
      state: { causal: true },
      why: 'The mask hides every later token, so the first token’s row has a single visible key, itself, and the softmax of one score is one.',
    },
    {
      id: 'repeat-no-positions',
      question: 'In “dog dog dog cat dog dog” with the position encodings off, do the rows of the five “dog” queries differ?',
      options: ['No: they are identical', 'Yes: each dog attends most to its neighbours', 'Yes, but only slightly'],
      answer: 0,
      state: { sentence: 'repeat', positions: false },
      why: 'Without positions every “dog” has the same vector, hence the same query, and it scores the same keys; nothing in the formula knows where a token sits.',
    },
    {
      id: 'scaled-width',
      question: 'With the scaling on, how does the mean entropy of the rows change as d_k grows from 1 to 128?',
      options: ['It falls toward zero', 'It stays roughly level', 'It climbs to the uniform maximum'],
      answer: 1,
      state: { dk: 128 },
      why: 'Dividing by √d_k keeps the spread of the scores about the same at every width, so the softmax is about as peaked for a wide head as for a narrow one; the entropy plot shows the scaled curve roughly flat.',
    },
    {
      id: 'reverse-first-output',
      question: 'A one-layer model learns to reverse six digits. After training, which input does the first output attend to most?',
      options: ['The first input', 'All inputs about equally', 'The last input'],
      answer: 2,
      state: { mode: 'trained', step: 100 },
      why: 'To reverse, output i must copy input L − 1 − i, and the only path from input to output goes through the attention weights, so the map turns into the anti-diagonal.',
    },
  ],
  followUps: [
    {
      question: 'Why several heads rather than one wide one?',
      answer: 'Each head has its own query, key and value projections, so one can follow the previous word while another links a pronoun to its noun; their outputs are concatenated and mixed. With the width split between heads, the cost is about that of one head.',
    },
    {
      question: 'What does self-attention cost, and how do long-context models cope?',
      answer: 'Time and memory grow with n² per head. Remedies: local or sparse attention patterns, low-rank or kernel approximations, and exact kernels such as FlashAttention that compute the map in tiles without storing it, so memory grows with n while time stays quadratic.',
    },
    {
      question: 'Why did attention replace recurrent networks for sequences?',
      answer: 'Any two positions are one step apart, so a long-range dependency does not need its gradient passed through a long chain of multiplications, and all positions are computed in parallel; the price is the quadratic cost and the need for position encodings.',
      slug: 'vanishing-gradients',
    },
  ],
};
