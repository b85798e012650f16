/**
 * The deployment panel: four parts (serving simulator, drift monitor, A/B rollout, the embedded
 * model), one view each, chosen by the `part` param; switching keeps every other setting.
 */
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { ServeView } from './ServeView';
import { DriftView } from './DriftView';
import { AbView } from './AbView';
import { ModelView } from './ModelView';
import { store } from './store';
import './deployment.css';

export function DeploymentView() {
  const { part } = usePanelParams(store);
  if (part === 'drift') return <DriftView />;
  if (part === 'ab') return <AbView />;
  if (part === 'model') return <ModelView />;
  return <ServeView />;
}
