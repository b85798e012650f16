/**
 * Gradient-descent view: the optimizers race from one start over a loss surface. Contour map
 * with their paths (click to move the start), loss against iteration, stepper, messages,
 * readout, controls.
 */
import { useState } from 'react';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { ParamControl } from '../../lib/controls/ParamControl';
import { Select } from '../../lib/controls/Select';
import { SeedButton } from '../../lib/controls/SeedButton';
import { Stepper } from '../../lib/controls/Stepper';
import { usePlayer } from '../../lib/controls/usePlayer';
import { Readout } from '../../lib/controls/Readout';
import { Message } from '../../lib/controls/Message';
import { useComputed } from '../../lib/panel/useComputed';
import { BackendBadge } from '../../lib/tf/BackendBadge';
import { ensureBackend } from '../../lib/tf/backend';
import { PRESETS } from './model';
import { isAdaptive, type OptimizerName } from './optimizers';
import { MAX_STEPS, N_POINTS, type SurfaceName } from './params';
import { createComputer } from './compute';
import { ContourPlot } from './ContourPlot';
import { LossPlot } from './LossPlot';
import { divergenceNotes, readoutRows } from './readout';
import { optimizerColor, SURFACE_PHRASE } from './look';
import { store } from './store';
import './gradient-descent.css';

/** Play speed (iterations per second): slow enough to follow one step at a time. */
const PER_SECOND = 24;

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function GradientDescentView() {
  const params = usePanelParams(store);
  const [compute] = useState(createComputer);
  const { result: r, error, pending } = useComputed(params, compute, ensureBackend);
  const player = usePlayer(store, 'step', MAX_STEPS, PER_SECOND);
  const has = (o: OptimizerName) => params.optimizers.includes(o);
  const gdFamily = has('sgd') || has('momentum') || has('nesterov');
  const adaptive = params.optimizers.some(isAdaptive);
  const surfaceSpec = store.schema.surface;

  // A new surface comes with a start and step sizes that show it well (links keep their own).
  const setSurface = (s: SurfaceName) => {
    const p = PRESETS[s];
    store.getState().setMany({ surface: s, start: [...p.start], lr: p.lr, lrAdaptive: p.lrAdaptive });
  };
  // Clicking the map moves the start and replays from there (or shows the same iteration at
  // once when the system asks for reduced motion).
  const pick = (x: number, y: number) => {
    const reduce = prefersReducedMotion();
    store.getState().setMany({ start: [x, y], step: reduce ? params.step : 0 });
    if (!reduce) player.play();
  };

  const notes = r ? [...divergenceNotes(r), ...r.warnings] : [];

  return (
    <div>
      <div className="workbench-head">
        <span className="ctl-help">
          {params.optimizers.length === 1 ? 'One optimizer' : `${params.optimizers.length} optimizers`} from the same start on{' '}
          {SURFACE_PHRASE[params.surface]}; gradients by tfjs autodiff.
        </span>
        <BackendBadge />
      </div>
      {error && <Message kind="error">The computation failed: {error}</Message>}
      {r && (
        <div className="plot-grid">
          <ContourPlot r={r} onPick={pick} />
          <LossPlot r={r} />
        </div>
      )}
      <Stepper player={player} step={params.step} max={MAX_STEPS} unit="iteration" />
      {notes.length > 0 && (
        <Message kind="warn">
          {notes.map((n, i) => (
            <span key={i} style={{ display: 'block' }}>
              {n}
            </span>
          ))}
        </Message>
      )}
      {r && (
        <div className="gd-readout">
          <Readout busy={pending} title={`Readout at iteration ${r.step}`} rows={readoutRows(r, params)} />
        </div>
      )}
      <h3 className="controls-title">Controls</h3>
      <div className="controls">
        <Select label={surfaceSpec.label} value={params.surface} options={surfaceSpec.options} optionLabels={surfaceSpec.optionLabels}
          onChange={setSurface} testId="ctl-surface" />
        {params.surface === 'bowl' && <ParamControl store={store} name="kappa" />}
        <ParamControl store={store} name="optimizers" swatch={(o) => optimizerColor(o as OptimizerName)} />
        {gdFamily && <ParamControl store={store} name="lr" />}
        {adaptive && <ParamControl store={store} name="lrAdaptive" />}
        {(has('momentum') || has('nesterov')) && <ParamControl store={store} name="momentum" />}
        {has('adam') && <ParamControl store={store} name="beta1" />}
        {has('adam') && <ParamControl store={store} name="beta2" />}
        {has('rmsprop') && <ParamControl store={store} name="alpha" />}
        {(params.surface === 'logistic' || params.batch < N_POINTS) && <ParamControl store={store} name="batch" />}
        {params.surface === 'logistic' && (
          <SeedButton seed={params.seed} max={store.schema.seed.max} onChange={(s) => store.getState().set('seed', s)} />
        )}
      </div>
    </div>
  );
}
