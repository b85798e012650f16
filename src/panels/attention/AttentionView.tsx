/**
 * The attention panel's view: a switch between the mechanics (one layer, random weights, a
 * sentence you type; plain float64 JS) and a tiny model trained live on a digit task (tfjs).
 * The trained view is its own chunk, so the mechanics never download tfjs.
 */
import { lazy, Suspense } from 'react';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { MechanicsView } from './MechanicsView';
import { store } from './store';
import './attention.css';

const TrainedView = lazy(() => import('./TrainedView').then((m) => ({ default: m.TrainedView })));

/** Two pressed/unpressed buttons (each its own tab stop, unlike a radio group), in the header strip. */
function ModeSwitch({ mode }: { mode: 'mechanics' | 'trained' }) {
  const spec = store.schema.mode;
  return (
    <span className="att-mode" role="group" aria-label={spec.label}>
      <span className="att-mode-label">{spec.label}</span>
      {spec.options.map((o) => (
        <button key={o} type="button" aria-pressed={mode === o} className={mode === o ? 'primary' : undefined} data-testid={`mode-${o}`}
          onClick={() => store.getState().set('mode', o)}>
          {spec.optionLabels[o]}
        </button>
      ))}
    </span>
  );
}

export function AttentionView() {
  const params = usePanelParams(store);
  const modeSwitch = <ModeSwitch mode={params.mode} />;
  if (params.mode === 'mechanics') return <MechanicsView params={params} modeSwitch={modeSwitch} />;
  return (
    <Suspense fallback={<div className="att-loading">{modeSwitch}<p className="ctl-help">Loading the trainer…</p></div>}>
      <TrainedView params={params} modeSwitch={modeSwitch} />
    </Suspense>
  );
}
