import { definePanel } from '../../lib/panel/types';
import { store } from './store';
import { Explanation } from './Explanation';
import { ImbalancedDataView } from './ImbalancedDataView';
import { EXPERIMENTS } from './experiments';
import { interview } from './interview';

export default definePanel({
  store,
  usesTf: false,
  Explanation,
  View: ImbalancedDataView,
  interview,
  experiments: EXPERIMENTS.map((e) => ({ ...e, params: { ...e.params } })),
});
