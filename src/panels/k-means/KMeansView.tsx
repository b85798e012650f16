/**
 * k-means view: the data with centres and Voronoi regions (drag a centre, or move it with the
 * arrow keys), what the half-move on screen did, inertia per move, per-point silhouettes, and
 * the elbow and silhouette-against-K curves. The layout, the player, the readout and the
 * controls come from lib/panel; this file only wires them to the panel's state.
 */
import { useMemo, useState } from 'react';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { ParamControl } from '../../lib/controls/ParamControl';
import { SeedButton } from '../../lib/controls/SeedButton';
import { Readout } from '../../lib/controls/Readout';
import { PanelLayout } from '../../lib/panel/PanelLayout';
import { PlayerBar } from '../../lib/panel/PlayerBar';
import { useComputed } from '../../lib/panel/useComputed';
import { usePlayer } from '../../lib/panel/usePlayer';
import { ensureBackend } from '../../lib/tf/backend';
import { useHalvesComputed } from '../../lib/worker/useHalvesComputed';
import { useAfterPaint, useDrawn } from '../../lib/panel/useAfterPaint';
import { changedSettings } from '../../lib/params/describe';
import { createComputer, type ElbowInput } from './compute';
import { elbowSample, mergeElbow, type ElbowResult } from './elbow';
import { preloadTf } from './model';
import { usePageAhead } from './pageAhead';
import { ClusterPlot } from './ClusterPlot';
import { InertiaPlot } from './InertiaPlot';
import { SilhouettePlot } from './SilhouettePlot';
import { ElbowPlot, SilhouetteKPlot } from './ElbowPlots';
import { LogIntSlider } from './LogIntSlider';
import { readoutRows } from './readout';
import { count, datasetPhrase, moveSentence, moveTitle } from './look';
import { formatCentres, parseCentres } from './seeding';
import { MAX_STEP } from './params';
import { store } from './store';
import { OWN_KEY, OWN_REQUEST } from './data';
import { CsvInput } from '../../lib/data/CsvInput';
import { forgetOwnData, ownDataParam, resolveOwnData } from '../../lib/data/ownData';
import './k-means.css';
import { elbowWorkers } from './worker';
import { Dimmable } from '../../lib/controls/Dimmable';

// A link opens straight at a run: the page's tfjs backend (choosing it, then fetching and compiling
// its WASM file) and the tfjs assignment's chunk start as soon as this module runs, while React
// renders the panel the first time, instead of from the first computation's effect after that
// render (useComputed's `before`, which awaits the same promise). Every state needs the backend
// (useComputed waits for it whatever the engine), so this starts nothing a link would not.
if (typeof window !== 'undefined') {
  ensureBackend().catch(() => undefined);
  preloadTf();
}

/** Play speeds in half-moves per second: slow enough to read one move, fast enough to converge. */
const SPEEDS = [0.5, 1, 2, 4, 8, 16, 30];

// Vite's static worker pattern: the worker is bundled as its own chunk (see lib/worker/client.ts).
const joinElbow = (_: ElbowInput, parts: [ElbowResult, ElbowResult]) => mergeElbow(parts);

export function KMeansView() {
  const live = usePanelParams(store);
  // The slider's frame shows only the setting; the run, the elbow and the plots follow after it is painted.
  const params = useAfterPaint(live);
  const [comp] = useState(createComputer);
  const { result: r, error, pending } = useComputed(params, comp.frame, ensureBackend);
  const { dataset, groups, spread, n, seed, csv } = params;
  // The worker gets only the points the curves use, taken from the page's data (own data
  // included: rows too many for a link live only here). The frame then finds the data cached.
  const elbowInput = useMemo<ElbowInput>(
    () => ({ dataset, groups, spread, n, seed, csv, sample: elbowSample(comp.data({ dataset, groups, spread, n, seed, csv }), seed).x }),
    [comp, dataset, groups, spread, n, seed, csv],
  );
  const liveOwn = useMemo(() => (live.dataset === 'csv' ? resolveOwnData(OWN_KEY, live.csv, 2).data : null), [live.dataset, live.csv]);
  // The elbow curves (up to ~0.4 s) in two workers; the kit marks them pending at once for new data.
  const { result: e, pending: ePending, error: eError } = useHalvesComputed<ElbowInput, ElbowResult, ElbowResult>(elbowWorkers, 'elbow', elbowInput, joinElbow);
  // useComputed keeps the last result (pending false) until a new input's run starts: a result
  // for other params is stale. The player waits for the frame only (the elbow does not depend
  // on the step); the readout says busy until both are fresh.
  const frameBusy = pending || r?.input !== params;
  const busy = frameBusy || ePending || params !== live;
  const drawn = useDrawn(params, !frameBusy && !ePending);
  // Once this answer is on screen, the next slider step's data and run are made ahead (pageAhead.ts).
  usePageAhead(comp.prepare, params, !busy);

  const lastStep = r ? r.lastStep : null;
  const player = usePlayer({
    shown: r?.step ?? params.step,
    min: r?.minStep ?? 0,
    max: lastStep ?? MAX_STEP,
    endKnown: lastStep !== null,
    unit: 'half-move',
    speeds: SPEEDS,
    speed: 2,
    set: (s) => store.getState().set('step', s),
    busy: frameBusy || params !== live,
    // Every half-move is a picture worth seeing: a slow frame delays the next one, never skips it.
    maxPerFrame: () => 1,
  });

  // Moving a centre (drag or keys) restarts the run from the centres as placed: the link says
  // init=manual, the centres, and the first assignment.
  const place = (c: Float64Array) => store.getState().setMany({ init: 'manual', centers: formatCentres(c), step: 1 });
  // Centres just placed whose run is still being computed: the plot shows them at once, and
  // the next key press moves on from them rather than from the stale frame.
  const justPlaced = !!r && busy && live.init === 'manual' && live.centers !== r.input.centers;
  const placed = useMemo(() => (justPlaced ? parseCentres(live.centers) : null), [justPlaced, live.centers]);

  const notes: string[] = r ? [...(r.error ? [r.error] : []), ...r.notes] : [];
  if (r && !r.error && params.variant === 'minibatch')
    notes.push('Mini-batch moves each centre towards only the points of one random batch, so inertia (measured on all points) can go up between moves; it is cheap per step, not monotone.');

  // Memoised: the slider's own frame (issue 8) does not redraw the plots with the old numbers.
  // The run's plots and the elbow's apart: the elbow going pending (dimmed) or coming back
  // re-renders the two elbow plots only, not the cluster map and the run's curves.
  const runPlots = useMemo(
    () =>
      r && (
        <>
          <InertiaPlot r={r} zoom={params.variant === 'minibatch'} />
          <SilhouettePlot r={r} />
        </>
      ),
    [r, params.variant],
  );
  const runN = r?.data.n;
  const elbowPlots = useMemo(
    () => runN !== undefined && [<ElbowPlot key="elbow" e={e} k={params.k} n={runN} />, <SilhouetteKPlot key="silhouette" e={e} k={params.k} />],
    [e, params.k, runN],
  );
  const map = useMemo(
    () =>
      r && (
        <>
          <ClusterPlot r={r} placed={placed} onPlace={place} />
          {!r.error && (
            <p className="km-move" aria-live="polite">
              <strong>{moveTitle(r)}</strong>
              {moveSentence(r)}
            </p>
          )}
        </>
      ),
    [r, placed],
  );
  const plots = r && (
    <>
      {map}
      <div className="plot-grid">
        {runPlots}
        {/* Each dimmed by its wrapper's class while newer curves are computed: no re-render to dim. */}
        {elbowPlots &&
          elbowPlots.map((plot) => (
            <Dimmable key={plot.key} pending={ePending}>
              {plot}
            </Dimmable>
          ))}
      </div>
    </>
  );

  return (
    <PanelLayout
      summary={
        <>
          k-means with K = {drawn.k} on {r?.data.own ? `${count(r.data.n)} points (your CSV data)` : `${count(drawn.n)} points (${datasetPhrase(drawn, false)})`}; distances and assignment in{' '}
          {drawn.engine === 'tf' ? 'tfjs' : 'plain typed arrays'}.
        </>
      }
      error={error ?? eError}
      notes={notes}
      notesKind={r?.error ? 'warn' : 'info'}
      player={r && <PlayerBar player={player} label={moveTitle(r)} />}
      readout={r && <Readout busy={busy} computing={changedSettings(store.schema, drawn, live, ['step', 'centers'])} title={`Readout at half-move ${r.step}`} rows={readoutRows(r, ePending ? null : e, params)} />}
      controls={
        <>
          <ParamControl store={store} name="k" />
          <ParamControl store={store} name="init" />
          <ParamControl store={store} name="dataset" />
          {live.dataset !== 'moons' && live.dataset !== 'csv' && <ParamControl store={store} name="groups" />}
          {live.dataset !== 'csv' && <ParamControl store={store} name="spread" />}
          {live.dataset !== 'csv' && <LogIntSlider name="n" />}
          <ParamControl store={store} name="variant" />
          {live.variant === 'minibatch' && <LogIntSlider name="batch" />}
          <ParamControl store={store} name="engine" />
          <SeedButton seed={live.seed} max={store.schema.seed.max} onChange={(s) => store.getState().set('seed', s)} />
          {live.dataset === 'csv' && (
            <CsvInput
              request={OWN_REQUEST}
              help="Each row is a point: columns x1 and x2 (or the first two columns)."
              current={liveOwn}
              onLoad={(d) => store.getState().setMany({ dataset: 'csv', csv: ownDataParam(OWN_KEY, d.columns) })}
              onBack={() => {
                forgetOwnData(OWN_KEY);
                store.getState().setMany({ dataset: 'blobs', csv: '' });
              }}
            />
          )}
        </>
      }
    >
      {plots}
    </PanelLayout>
  );
}
