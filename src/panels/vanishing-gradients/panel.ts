import { definePanel } from '../../lib/panel/types';
import { store } from './store';
import { Explanation } from './Explanation';
import { VanishingGradientsView } from './VanishingGradientsView';
import { interview } from './interview';

export default definePanel({
  store,
  usesTf: 'worker',
  Explanation,
  View: VanishingGradientsView,
  interview,
  experiments: [
    {
      title: 'Sigmoid at depth 20 with σ = 1 weights',
      params: {},
      notice:
        'At step 0 layer 1 gets about 10⁻⁴ of the last layer’s gradient. By step 50 your loss stalls near 0.26, the variance of the target: the network has only learned to predict the mean, and with that the last layer’s gradient has died down too, so the ratio now reads about 0.6. ReLU + He and sigmoid + batch norm keep going down.',
    },
    {
      title: 'Xavier init does not suit the sigmoid',
      params: { init: 'xavier', compare: ['sigmoid-naive', 'tanh-xavier'], step: 0 },
      notice:
        'Xavier assumes slope 1 at zero, but the sigmoid’s is 1/4, so every layer shrinks the gradient about 4-fold: layer 1 gets about 10⁻¹² of the last layer’s gradient. The same init with tanh stays within a factor of two.',
    },
    {
      title: 'Exploding: ReLU with σ = 1 weights',
      params: { activation: 'relu', init: 'naive', naiveStd: 1, compare: ['relu-he'], step: 10 },
      notice:
        'With 16 inputs per unit, σ = 1 multiplies the signal by about √8 per layer: gradients reach about 10¹⁶, the first update throws the weights away and training diverges at step 1. He init (σ² = 2/16) keeps each layer’s factor near 1.',
    },
    {
      title: 'Clipping stops the blow-up, not the cause',
      params: { activation: 'relu', init: 'naive', naiveStd: 1, compare: ['relu-he'], clip: true, clipNorm: 1, step: 50 },
      notice:
        'With plain gradient descent each update is now at most the learning rate times 1 long, so training no longer diverges; but by step 50 the largest gradient is still about 10¹³ and the loss about 10¹¹: clipping contains the symptom, the init is still wrong.',
    },
    {
      title: 'Batch norm rescues the sigmoid',
      params: { batchNorm: true, compare: ['sigmoid-naive'] },
      notice:
        'Standardising every unit keeps the sigmoid out of its flat tails (no saturated columns in the histograms): layer 1 gets about 2 times the last layer’s gradient instead of 10⁻⁴ of it, and the loss falls far below the un-normalised network’s.',
    },
    {
      title: 'Skip connections carry the gradient',
      params: { residual: 'plain', compare: ['sigmoid-naive'], step: 0 },
      notice:
        'With h + sigmoid(hW) each layer’s factor is I + J, so layer 1 gets about 7% of the last layer’s gradient instead of 0.01%. But the plain sum piles up the signal (loss near 190, last-layer gradient just past 1000, flagged as exploding); the scaled residual keeps both in check.',
    },
    {
      title: 'Batch norm can explode gradients too',
      params: { depth: 50, activation: 'relu', init: 'he', batchNorm: true, compare: ['relu-he', 'sigmoid-bn'], step: 20 },
      notice:
        'At depth 50, ReLU + He init alone keeps layer 1 within a factor of three of layer 50, but with batch norm layer 1 starts with thousands of times the last layer’s gradient (flagged as exploding at initialisation): normalising by the batch’s own statistics can amplify gradients on the way back. With the sigmoid it starts near 3.',
    },
  ],
});
