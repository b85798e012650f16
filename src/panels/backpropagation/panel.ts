import { definePanel } from '../../lib/panel/types';
import { store } from './store';
import { Explanation } from './Explanation';
import { BackpropView } from './BackpropView';
import { EXPERIMENTS } from './experiments';
import { interview } from './interview';

export default definePanel({
  store,
  usesTf: 'worker',
  Explanation,
  View: BackpropView,
  experiments: EXPERIMENTS,
  interview,
});
