/** The "Try this" experiments: states and what to notice. Every number they quote is checked in experiments.test.ts. */
import type { Experiment } from '../../lib/panel/types';
import { drawWeights, type schema } from './params';

const D = drawWeights(1);
/** Hidden unit 1 exactly at ReLU's kink for the default inputs (1, −0.5): 0.5·1 + 1·(−0.5) + 0 = 0. */
const KINK_W1 = [0.5, 1, ...D.W1.slice(2)];
const KINK_B1 = [0, ...D.b1.slice(1)];
/** Hidden unit 1 deep in the sigmoid's flat tail: z = 9·1 − 6·(−0.5) − 0.09 = 11.91. */
export const SAT_W1 = [9, -6, ...D.W1.slice(2)];

export const EXPERIMENTS: Experiment<typeof schema>[] = [
  {
    title: 'Follow one gradient back',
    params: { step: 0 },
    notice:
      'Press → to step one node at a time: the forward pass fills in the values, then the backward pass fills in each δ and each edge’s gradient. The chain rule below the graph shows the selected weight’s gradient as the product of the local derivatives on its path.',
  },
  {
    title: 'Twenty updates',
    params: { step: 209 },
    notice: 'After 20 updates the loss has fallen from 1.53 to 0.035. Each update is smaller than the last: the gradients shrink as ŷ approaches t.',
  },
  {
    title: 'A ReLU unit switched off',
    params: { activation: 'relu', step: 509 },
    notice:
      'h₁ and h₃ have z < 0, so ReLU outputs 0 and its slope is 0: their incoming weights get a gradient of exactly 0, and 50 updates later they are still off. The loss still falls, from 0.713 to 0.0052, through h₂ and the output bias alone.',
  },
  {
    title: 'ReLU exactly at its kink',
    params: { activation: 'relu', W1: KINK_W1, b1: KINK_B1, sel: 'b1_1' },
    notice:
      'h₁’s pre-activation is exactly 0. The hand pass and tfjs take ReLU’s slope there as 0, so b1₁ gets gradient 0; central differences straddle the kink and measure half of the slope on the right. Neither is wrong: at a kink there is no derivative, only a convention.',
  },
  {
    title: 'A saturated sigmoid unit',
    params: { activation: 'sigmoid', W1: SAT_W1, sel: 'W1_11' },
    notice:
      'h₁’s pre-activation is 11.9, where the sigmoid is flat: σ′ is below 10⁻⁵, so W1₁₁ and W1₁₂ get gradients of about 10⁻⁶, against 0.04 for W1₃₁. A saturated unit barely learns.',
  },
  {
    title: 'Confidently wrong, with squared error',
    params: { head: 'sigmoid-mse', b2: -7 },
    notice:
      'The output is ŷ = 0.0002 against t = 1, yet δ₂ = (ŷ − t)·ŷ(1 − ŷ) is only −0.0002: the sigmoid’s flat tail scales every gradient down. Switch to cross-entropy and δ₂ = ŷ − t is about −1.',
  },
  {
    title: 'Too big a learning rate',
    params: { lr: 10, step: 19 },
    notice:
      'With η = 10 the first update overshoots: the loss goes up from 1.53 to 2.61, although the first-order guess L − η‖g‖² promised a fall. That guess only holds for small steps.',
  },
];
