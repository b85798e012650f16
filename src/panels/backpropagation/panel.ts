import { definePanel } from '../../lib/panel/types';
import { store } from './store';
import { Explanation } from './Explanation';
import { BackpropView } from './BackpropView';
import { EXPERIMENTS } from './experiments';

export default definePanel({
  store,
  usesTf: 'worker',
  Explanation,
  View: BackpropView,
  experiments: EXPERIMENTS,
});
