/**
 * Cross-validation view: the gallery of six splitters on the same samples; the chosen scheme's
 * score per split; tuning k of k-NN with error bars; one split against k folds over many
 * shuffles; a leak beside its honest score. Three computations, each keyed only by the params it
 * depends on, so moving one control reruns only what it changes. All three run in the panel's
 * two workers (compute.worker.ts: the main job in one, the spread and the leak split in halves
 * across both), so the page only draws; the readout says busy until every part matches the controls.
 * Layout, readout and controls: lib/panel.
 */
import { useMemo } from 'react';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { ParamControl } from '../../lib/controls/ParamControl';
import { SeedButton } from '../../lib/controls/SeedButton';
import { Readout } from '../../lib/controls/Readout';
import { PanelLayout } from '../../lib/panel/PanelLayout';
import { useWorkerComputed } from '../../lib/worker/useWorkerComputed';
import { useHalvesComputed } from '../../lib/worker/useHalvesComputed';
import { mergeLeak, type LeakPart } from './leakParts';
import { mergeSpread, type SpreadPart } from './spreadParts';
import { useAfterPaint, useDrawn } from '../../lib/panel/useAfterPaint';
import { changedSettings } from '../../lib/params/describe';
import type { CvResult, LeakParams, LeakResult, MainParams, SpreadParams, SpreadResult } from './model';
import type { Scheme } from './params';
import { readoutRows } from './readout';
import { SplitGallery } from './SplitGallery';
import { FoldScores } from './FoldScores';
import { TuningPlot } from './TuningPlot';
import { SpreadPlot } from './SpreadPlot';
import { LeakPlot } from './LeakPlot';
import { store } from './store';
import { computeWorker, halves } from './worker';
import { Dimmable } from '../../lib/controls/Dimmable';

const FLOAT64_BADGE = <span className="badge">float64 JS</span>;

export function CrossValidationView() {
  const live = usePanelParams(store);
  // The slider's frame shows only the setting; the worker's results and the plots follow after it is painted.
  const p = useAfterPaint(live);
  const { n, folds, scheme, gap, window, balance, groups, groupEffect, k, repeats, leak, features, keep, seed } = p;

  const mainIn = useMemo<MainParams>(
    () => ({ n, folds, scheme, gap, window, balance, groups, groupEffect, k, seed }),
    [n, folds, scheme, gap, window, balance, groups, groupEffect, k, seed],
  );
  const spreadIn = useMemo<SpreadParams>(
    () => ({ n, folds, balance, groups, groupEffect, k, repeats, seed }),
    [n, folds, balance, groups, groupEffect, k, repeats, seed],
  );
  // The noise demo does not read the grouped data's settings; keep them out of its key.
  const leakIn = useMemo<LeakParams>(
    () =>
      leak === 'selection'
        ? { leak, n, folds, k, features, keep, seed, balance: 0.3, groups: 2, groupEffect: 0 }
        : { leak, n, folds, k, features: 10, keep: 1, seed, balance, groups, groupEffect },
    [leak, n, folds, k, features, keep, seed, balance, groups, groupEffect],
  );

  const main = useWorkerComputed<MainParams, CvResult>(computeWorker, 'cv', mainIn);
  const spread = useHalvesComputed<SpreadParams, SpreadPart, SpreadResult>(halves, 'spreadPart', spreadIn, mergeSpread);
  const leaked = useHalvesComputed<LeakParams, LeakPart, LeakResult>(halves, 'leakPart', leakIn, mergeLeak);
  const r = main.result;
  const error = main.error ?? spread.error ?? leaked.error;
  const pick = (s: Scheme) => store.getState().set('scheme', s);
  const pending = main.pending || spread.pending || leaked.pending;
  const drawn = useDrawn(p, !pending);

  // Memoised: the slider's own frame (issue 8) does not redraw the plots with the old numbers.
  // Each of the three computations' plots apart: one going pending (a dimmed plot) or coming back
  // re-renders its own plot only, not all five.
  const mainPlots = useMemo(
    () =>
      r && (
        <>
          <SplitGallery gallery={r.gallery} data={r.data} scheme={r.scheme} onPick={pick} />
          <FoldScores r={r} />
          <TuningPlot t={r.tuning} k={p.k} folds={r.folds.length} />
        </>
      ),
    [r, p.k],
  );
  const fresh = r?.fresh;
  // Its folds come with the result: a new folds setting does not re-render it with the old numbers
  // (issue 8: that render came right after the slider's frame, before any result).
  const spreadPlot = useMemo(
    () => spread.result && fresh !== undefined && <SpreadPlot r={spread.result} fresh={fresh} />,
    [spread.result, fresh],
  );
  const leakPlot = useMemo(() => leaked.result && <LeakPlot r={leaked.result} />, [leaked.result]);
  // A plot whose newer result is still computed is dimmed by its wrapper's class: going pending
  // and back restyles one element, it does not re-render the plot with the same numbers.
  const plots = r && (
    <div className="plot-grid">
      {mainPlots}
      {spreadPlot && <Dimmable pending={spread.pending}>{spreadPlot}</Dimmable>}
      {leakPlot && <Dimmable pending={leaked.pending}>{leakPlot}</Dimmable>}
    </div>
  );

  // The controls subscribe to the store themselves: memoised, the five renders a new setting's
  // worker messages cause (main job, two halves each of the spread and the leak) skip all thirteen.
  const { scheme: liveScheme, leak: liveLeak, seed: liveSeed } = live;
  const controls = useMemo(
    () => (
      <>
        <ParamControl store={store} name="scheme" />
        <ParamControl store={store} name="folds" />
        {liveScheme === 'timeseries' && <ParamControl store={store} name="gap" />}
        {liveScheme === 'timeseries' && <ParamControl store={store} name="window" />}
        <ParamControl store={store} name="k" />
        <ParamControl store={store} name="n" />
        <ParamControl store={store} name="balance" />
        <ParamControl store={store} name="groups" />
        <ParamControl store={store} name="groupEffect" />
        <ParamControl store={store} name="repeats" />
        <ParamControl store={store} name="leak" />
        {liveLeak === 'selection' && <ParamControl store={store} name="features" display={(v) => String(Math.round(v))} />}
        {liveLeak === 'selection' && <ParamControl store={store} name="keep" />}
        <SeedButton seed={liveSeed} max={store.schema.seed.max} onChange={(s) => store.getState().set('seed', s)} />
      </>
    ),
    [liveScheme, liveLeak, liveSeed],
  );

  return (
    <PanelLayout
      summary={`${drawn.n} samples in time order, 2 classes, ${drawn.groups} groups; every fold is scored with a ${drawn.k}-nearest-neighbour classifier.`}
      badge={FLOAT64_BADGE}
      error={error}
      notes={r?.messages ?? []}
      readout={
        r && (
          <Readout
            busy={pending || p !== live}
            computing={changedSettings(store.schema, drawn, live)}
            title="Readout"             rows={readoutRows(p, r, spread.result, leaked.result, { spread: spread.pending, leak: leaked.pending })}
          />
        )
      }
      controls={controls}
    >
      {plots}
    </PanelLayout>
  );
}
