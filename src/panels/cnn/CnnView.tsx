/**
 * The cnn panel's view: a switch between one filter slid by hand (plain JS on the page) and a
 * small CNN trained live (tfjs in the panel's worker; its view is its own chunk).
 */
import { lazy, Suspense } from 'react';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { KernelView } from './KernelView';
import { store } from './store';
import './cnn.css';

const NetworkView = lazy(() => import('./NetworkView').then((m) => ({ default: m.NetworkView })));

/** Two pressed/unpressed buttons in the header strip. */
function ModeSwitch({ mode }: { mode: 'kernel' | 'network' }) {
  const spec = store.schema.mode;
  return (
    <span className="cnn-mode" role="group" aria-label={spec.label}>
      <span className="cnn-mode-label">{spec.label}</span>
      {spec.options.map((o) => (
        <button key={o} type="button" aria-pressed={mode === o} className={mode === o ? 'primary' : undefined} data-testid={`mode-${o}`}
          onClick={() => store.getState().set('mode', o)}>
          {spec.optionLabels[o]}
        </button>
      ))}
    </span>
  );
}

export function CnnView() {
  const { mode } = usePanelParams(store);
  const modeSwitch = <ModeSwitch mode={mode} />;
  if (mode === 'kernel') return <KernelView modeSwitch={modeSwitch} />;
  return (
    <Suspense fallback={<div>{modeSwitch}<p className="ctl-help">Loading the network…</p></div>}>
      <NetworkView modeSwitch={modeSwitch} />
    </Suspense>
  );
}
