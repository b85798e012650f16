/**
 * k-means view: the data with centres and Voronoi regions (drag a centre), the stepper over
 * half-moves, inertia per move, per-point silhouettes, the elbow and silhouette-against-K curves,
 * messages, readout and controls.
 */
import { useMemo, useState } from 'react';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { ParamControl } from '../../lib/controls/ParamControl';
import { SeedButton } from '../../lib/controls/SeedButton';
import { Readout } from '../../lib/controls/Readout';
import { Message } from '../../lib/controls/Message';
import { useComputed } from '../../lib/panel/useComputed';
import { BackendBadge } from '../../lib/tf/BackendBadge';
import { ensureBackend } from '../../lib/tf/backend';
import { createComputer, type ElbowInput } from './compute';
import { ClusterPlot } from './ClusterPlot';
import { InertiaPlot } from './InertiaPlot';
import { SilhouettePlot } from './SilhouettePlot';
import { ElbowPlot, SilhouetteKPlot } from './ElbowPlots';
import { KmStepper } from './KmStepper';
import { LogIntSlider } from './LogIntSlider';
import { readoutRows } from './readout';
import { count, datasetPhrase, moveSentence, moveTitle } from './look';
import { formatCentres } from './seeding';
import { useStepPlayer } from './useStepPlayer';
import { MAX_STEP } from './params';
import { store } from './store';
import './k-means.css';

export function KMeansView() {
  const params = usePanelParams(store);
  const [comp] = useState(createComputer);
  const [speed, setSpeed] = useState(2);
  const { result: r, error, pending } = useComputed(params, comp.frame, ensureBackend);
  const { dataset, groups, spread, n, seed, engine } = params;
  const elbowInput = useMemo<ElbowInput>(() => ({ dataset, groups, spread, n, seed }), [dataset, groups, spread, n, seed]);
  const { result: e, pending: ePending } = useComputed(elbowInput, comp.elbow, ensureBackend);
  // useComputed keeps the last result (pending false) until a new input's run starts: a result
  // for other params is stale, and the readout says busy until the fresh one arrives.
  const busy = pending || ePending || r?.input !== params || e?.input !== elbowInput;

  const min = r?.minStep ?? 0;
  const max = r?.lastStep ?? MAX_STEP;
  const player = useStepPlayer({ shown: r?.step ?? params.step, min, max }, speed);
  const drop = (c: Float64Array) => store.getState().setMany({ init: 'manual', centers: formatCentres(c), step: 1 });

  const notes = r ? [...r.notes] : [];
  if (r && !r.error && params.variant === 'minibatch')
    notes.push('Mini-batch moves each centre towards only the points of one random batch, so inertia (measured on all points) can go up between moves; it is cheap per step, not monotone.');

  return (
    <div>
      <div className="workbench-head">
        <span className="ctl-help">
          k-means with K = {params.k} on {count(n)} points ({datasetPhrase(params)}); distances and assignment in{' '}
          {engine === 'tf' ? 'tfjs' : 'plain typed arrays'}.
        </span>
        <BackendBadge />
      </div>
      {error && <Message kind="error">The computation failed: {error}</Message>}
      {r && (
        <>
          <ClusterPlot r={r} onDrop={drop} />
          <KmStepper
            player={player}
            step={r.step}
            min={min}
            max={max}
            endKnown={r.lastStep !== null}
            label={moveTitle(r)}
            speed={speed}
            onSpeed={setSpeed}
            onScrub={(s) => store.getState().set('step', s)}
          />
          {!r.error && (
            <p className="km-move" aria-live="polite">
              <strong>{moveTitle(r)}</strong>
              {moveSentence(r)}
            </p>
          )}
          {(r.error || notes.length > 0) && (
            <Message kind={r.error ? 'warn' : 'info'}>
              {[r.error, ...notes].filter(Boolean).map((t, i) => (
                <span key={i} style={{ display: 'block' }}>
                  {t}
                </span>
              ))}
            </Message>
          )}
          <div className="plot-grid">
            <InertiaPlot r={r} zoom={params.variant === 'minibatch'} />
            <SilhouettePlot r={r} />
            <ElbowPlot e={e} k={params.k} n={r.data.n} />
            <SilhouetteKPlot e={e} k={params.k} />
          </div>
          <Readout busy={busy} title={`Readout at half-move ${r.step}`} rows={readoutRows(r, e, params)} />
        </>
      )}
      <h3 className="controls-title">Controls</h3>
      <div className="controls">
        <ParamControl store={store} name="k" />
        <ParamControl store={store} name="init" />
        <ParamControl store={store} name="dataset" />
        {params.dataset !== 'moons' && <ParamControl store={store} name="groups" />}
        <ParamControl store={store} name="spread" />
        <LogIntSlider name="n" />
        <ParamControl store={store} name="variant" />
        {params.variant === 'minibatch' && <LogIntSlider name="batch" />}
        <ParamControl store={store} name="engine" />
        <SeedButton seed={params.seed} max={store.schema.seed.max} onChange={(s) => store.getState().set('seed', s)} />
      </div>
    </div>
  );
}
