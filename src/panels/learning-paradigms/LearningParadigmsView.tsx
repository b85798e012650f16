/**
 * The learning-paradigms view: one data set (or, for reinforcement, one grid world) seen under the
 * kind of feedback the mode names. Each mode is its own view (own worker call, player, readout
 * and controls); switching modes keeps every other param, so the same points come back.
 */
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { SupervisedView } from './SupervisedView';
import { UnsupervisedView } from './UnsupervisedView';
import { SemiView } from './SemiView';
import { RlView } from './RlView';
import { store } from './store';
import './learning-paradigms.css';

export function LearningParadigmsView() {
  const { mode } = usePanelParams(store);
  if (mode === 'supervised') return <SupervisedView />;
  if (mode === 'unsupervised') return <UnsupervisedView />;
  if (mode === 'reinforcement') return <RlView />;
  return <SemiView />;
}
