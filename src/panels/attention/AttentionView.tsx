/**
 * The attention panel's view: a switch between the mechanics (one layer, random weights, a
 * sentence you type) and a tiny model trained live on a digit task.
 */
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { MechanicsView } from './MechanicsView';
import { TrainedView } from './TrainedView';
import { store } from './store';
import './attention.css';

/** Two pressed/unpressed buttons (each its own tab stop, unlike a radio group). */
function ModeSwitch({ mode }: { mode: 'mechanics' | 'trained' }) {
  const spec = store.schema.mode;
  return (
    <div className="att-mode" role="group" aria-label={spec.label}>
      <span className="att-mode-label">{spec.label}</span>
      {spec.options.map((o) => (
        <button key={o} type="button" aria-pressed={mode === o} className={mode === o ? 'primary' : undefined} data-testid={`mode-${o}`}
          onClick={() => store.getState().set('mode', o)}>
          {spec.optionLabels[o]}
        </button>
      ))}
    </div>
  );
}

export function AttentionView() {
  const params = usePanelParams(store);
  return (
    <div>
      <div className="workbench-head">
        <ModeSwitch mode={params.mode} />
        {params.mode === 'mechanics' && <span className="badge">float64 JS</span>}
      </div>
      {params.mode === 'mechanics' ? <MechanicsView params={params} /> : <TrainedView params={params} />}
    </div>
  );
}
