/**
 * The serving simulator: a million requests at most, simulated in the panel's worker; the player
 * steps through the run's time windows (the plots and the readout follow the window on screen),
 * and the batching sweep is recomputed only when a setting it depends on changes, in halves, in
 * two more workers.
 */
import { useMemo } from 'react';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { ParamControl } from '../../lib/controls/ParamControl';
import { SeedButton } from '../../lib/controls/SeedButton';
import { Readout } from '../../lib/controls/Readout';
import { PanelLayout } from '../../lib/panel/PanelLayout';
import { PlayerBar } from '../../lib/panel/PlayerBar';
import { usePlayer } from '../../lib/panel/usePlayer';
import { useAfterPaint, useDrawn } from '../../lib/panel/useAfterPaint';
import { changedSettings } from '../../lib/params/describe';
import { useWorkerComputed } from '../../lib/worker/useWorkerComputed';
import { useHalvesComputed } from '../../lib/worker/useHalvesComputed';
import { fmt } from '../../lib/format/format';
import { simInput, sweepInput, type SimInput, type SimResult, type SweepInput, type SweepResult } from './model';
import { SIM_WINDOWS } from './params';
import { serveRows } from './readout';
import { FlowPlot, LatencyPlot, SweepPlot } from './ServePlots';
import { PartTabs } from './PartTabs';
import { computeWorker, sweepWorkers } from './worker';
import { mergeSweep, type SweepPart } from './sweepHalves';
import { count, ms } from './look';
import { store } from './store';
import { Dimmable } from '../../lib/controls/Dimmable';

const setT = (t: number) => store.getState().set('t', t);
const FLOAT64_BADGE = <span className="badge">float64 JS, worker</span>;
// At module level: a new function per render would re-render the memoised control with the view.
const rateText = (v: number) => `${fmt(v, 3)} /s`;

export function ServeView() {
  const live = usePanelParams(store);
  const p = useAfterPaint(live);
  const { rate, replicas, maxBatch, maxWait, fixed, perItem, dist, spread, queue, requests, seed } = p;
  const input = useMemo<SimInput>(
    () => simInput(p),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the simulation reads only these
    [rate, replicas, maxBatch, maxWait, fixed, perItem, dist, spread, queue, requests, seed],
  );
  const sweepIn = useMemo<SweepInput>(
    () => sweepInput(p),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the sweep varies the rate and the batch itself
    [replicas, maxWait, fixed, perItem, dist, spread, queue, seed],
  );
  const sim = useWorkerComputed<SimInput, SimResult>(computeWorker, 'serve', input);
  // The sweep is asked for once the new serving result is painted: on two cores its two halves
  // would otherwise compete with the worker and the page for the readout's result. Until then
  // the sweep on screen is stale (dimmed), like a pending one.
  const sweepAsk = useAfterPaint(useDrawn(sweepIn, !sim.pending));
  const sw = useHalvesComputed<SweepInput, SweepPart, SweepResult>(sweepWorkers, 'sweepHalf', sweepAsk, mergeSweep);
  const sweepStale = sw.pending || sweepAsk !== sweepIn;
  const r = sim.result;
  const drawn = useDrawn(p, !sim.pending);
  const t = p.t;

  const player = usePlayer({
    shown: t,
    set: setT,
    min: 1,
    max: SIM_WINDOWS,
    unit: 'window',
    speeds: [2, 5, 10, 20, 60],
    speed: 10,
    busy: sim.pending || p !== live,
  });

  // The plots are memoised without `pending`, which only sets the wrappers' class: the dimming
  // then re-renders no plot (React skips a child whose element is the same object).
  const pair = useMemo(
    () =>
      r && (
        <div className="dep-pair">
          <LatencyPlot r={r} t={t} />
          <FlowPlot r={r} t={t} />
        </div>
      ),
    [r, t],
  );
  const sweep = useMemo(() => r && sw.result && <SweepPlot s={sw.result} here={{ throughput: r.totals.throughput, p99: r.totals.p99 }} maxBatch={r.input.maxBatch} />, [r, sw.result]);
  const plots = r && (
    <Dimmable pending={sim.pending} className="dep-plots" dimClass="dep-stale" data-computed-in="worker">
      {pair}
      {sweep ? <Dimmable pending={sweepStale} dimClass="dep-stale">{sweep}</Dimmable> : <p className="ctl-help">Sweeping the max batch size…</p>}
    </Dimmable>
  );

  const notes: string[] = [];
  if (r) {
    const T = r.totals;
    if (T.rejected > 0) notes.push(`The queue filled up: ${count(T.rejected)} requests were rejected. The load is more than the replicas can serve with these batches.`);
    if (r.input.maxBatch > 1 && T.meanBatch < 1.5 && T.p50 > r.input.fixed + r.input.perItem) notes.push(`Batches rarely fill at this load: most requests wait up to ${ms(r.input.maxWait)} for company that does not come.`);
  }
  // The rows of the result on screen: a key press (only `live` changes) does not rebuild them.
  const rows = useMemo(() => serveRows(drawn, r, t), [drawn, r, t]);
  const computing = changedSettings(store.schema, drawn, live, ['t']);
  const share = sw.pending && typeof sw.progress === 'number' ? ` · sweep ${fmt(100 * sw.progress, 2)} %` : '';

  return (
    <PanelLayout
      summary={`${count(drawn.requests)} requests through ${drawn.replicas} replica${drawn.replicas > 1 ? 's' : ''}, simulated event by event in a worker (seed ${drawn.seed}).`}
      badge={FLOAT64_BADGE}
      error={sim.error ?? sw.error}
      notes={notes}
      notesKind="info"
      player={<PlayerBar player={player} />}
      readout={<Readout busy={sim.pending || p !== live} computing={computing ? `${computing}${share}` : ''} title="Readout" rows={rows} />}
      controls={
        <>
          <ParamControl store={store} name="rate" display={rateText} />
          <ParamControl store={store} name="maxBatch" />
          <ParamControl store={store} name="maxWait" />
          <ParamControl store={store} name="replicas" />
          <ParamControl store={store} name="fixed" display={ms} />
          <ParamControl store={store} name="perItem" display={ms} />
          <ParamControl store={store} name="dist" />
          {live.dist === 'lognormal' && <ParamControl store={store} name="spread" />}
          <ParamControl store={store} name="queue" />
          <ParamControl store={store} name="requests" display={count} />
          <SeedButton seed={live.seed} onChange={(s) => store.getState().set('seed', s)} />
        </>
      }
    >
      <PartTabs part="serve" />
      {plots}
    </PanelLayout>
  );
}
