import { definePanel } from '../../lib/panel/types';
import { store } from './store';
import { Explanation } from './Explanation';
import { CnnView } from './CnnView';
import { interview } from './interview';

export default definePanel({
  store,
  // Only the network mode runs tfjs, and only in its worker; the kernel mode is float64 JS.
  usesTf: (p) => (p.mode === 'network' ? 'worker' : false),
  Explanation,
  View: CnnView,
  interview,
  experiments: [
    {
      title: 'Find the vertical strokes of a 1',
      params: { digit: '1', k: [-1, 0, 1, -2, 0, 2, -1, 0, 1], pos: 0 },
      notice: 'Sobel x answers left-to-right changes: blue down the left edge of the stroke (ink to its right), red down its right edge, and exactly 0 on blank paper.',
    },
    {
      title: 'Stride 2 halves the map',
      params: { stride: 2, pad: 1 },
      notice: 'With padding 1 the output has 8 cells per side instead of 16: a quarter of the positions, each still a full 3×3 multiply-add.',
    },
    {
      title: 'Dilation widens the view',
      params: { dil: 2, pad: 2, k: [0.1111, 0.1111, 0.1111, 0.1111, 0.1111, 0.1111, 0.1111, 0.1111, 0.1111] },
      notice: 'The same nine weights now cover a 5×5 patch, with gaps between the taps; padding 2 keeps the output at 16×16.',
    },
    {
      title: 'Max versus average pooling',
      params: { pool: 'avg' },
      notice: 'Average pooling blends the blue and red of an edge into paler colours; switch back to max and each window keeps its largest value, so blue edges stay strong and red ones fade.',
    },
    {
      title: 'Train the network',
      params: { mode: 'network', train: true, steps: 200 },
      notice: 'The held-out accuracy passes 90 % within 100 steps; watch the feature maps of your drawing and the first layer’s kernels change as it learns.',
    },
    {
      title: 'Train with one filter in the first layer',
      params: { mode: 'network', train: true, steps: 200, f1: 1, f2: 2 },
      notice: 'With 1 filter, then 2, the network has 360 weights instead of 3,818 and sees each digit through a single first-layer pattern: it learns more slowly and ends lower.',
    },
  ],
});
