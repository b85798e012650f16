/**
 * Gradient-descent view: the optimizers race from one start over a loss surface. The contour
 * map with their paths (click, or focus it and use the arrow keys, to move the start) and the
 * loss against iteration; the layout, player, readout and controls come from lib/panel.
 * Everything tfjs computes (the race, the contour grid) comes from the panel's worker
 * (compute.worker.ts, which keeps both cached): the page never loads tfjs. The worker is asked
 * for the frame at the horizon; the steps before it are cut from that answer here, so playing
 * waits for the worker only when it crosses a hundred. A link's first answer is its step alone.
 */
import { useMemo, useState } from 'react';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { ParamControl } from '../../lib/controls/ParamControl';
import { Select } from '../../lib/controls/Select';
import { SeedButton } from '../../lib/controls/SeedButton';
import { Readout } from '../../lib/controls/Readout';
import { createCache } from '../../lib/panel/cache';
import { useWorkerComputed } from '../../lib/worker/useWorkerComputed';
import { useAfterPaint, useDrawn } from '../../lib/panel/useAfterPaint';
import { changedSettings } from '../../lib/params/describe';
import { PanelLayout } from '../../lib/panel/PanelLayout';
import { usePlayer } from '../../lib/panel/usePlayer';
import { PlayerBar } from '../../lib/panel/PlayerBar';
import { prefersReducedMotion } from '../../lib/panel/schedule';
import { ReplayFrame } from '../../lib/panel/ReplayFrame';
import { PRESETS } from './presets';
import { isAdaptive, type OptimizerName } from './optimizers';
import { MAX_STEPS, N_POINTS, type SurfaceName } from './params';
import type { ContourGrid, GDResult } from './compute';
import { frameAt, linkReplays, openingAnswer, workerParams } from './frames';
import { ContourPlot } from './ContourPlot';
import { LossPlot } from './LossPlot';
import { divergenceNotes, readoutRows } from './readout';
import { optimizerColor, SURFACE_PHRASE } from './look';
import { store } from './store';
import { keepInside } from './startKeys';
import './gradient-descent.css';
import { computeWorker } from './worker';

/** Play speeds (iterations per second); 24 is slow enough to follow one step at a time. */
const SPEEDS = [6, 12, 24, 48, 96] as const;

/**
 * Every answer of the worker carries a fresh copy of the grid; keeping one object per grid key
 * lets the contour plot's memos (levels, paths) survive playing, which changes only the step.
 */
function useStableGrid(raw: GDResult | null): GDResult | null {
  const [grids] = useState(() => createCache<ContourGrid>(4));
  return useMemo(() => raw && { ...raw, grid: grids.get(raw.grid.key, () => raw.grid) }, [raw, grids]);
}

export function GradientDescentView() {
  const live = usePanelParams(store);
  // The slider's frame shows only the setting; the worker's answer and the plots follow after it is painted.
  const params = useAfterPaint(live);
  // One object per worker question: moving the step within a hundred asks nothing new.
  const askKey = JSON.stringify(workerParams(params));
  const asked = useMemo(() => JSON.parse(askKey) as typeof params, [askKey]);
  const full = useWorkerComputed<typeof params, GDResult>(computeWorker, 'frame', asked);
  // A link opens at its step first (issue 8): until the first full answer, the worker is also
  // asked for the linked step alone, which answers sooner (frames.ts openingAnswer).
  const head = useWorkerComputed<typeof params | null, GDResult | null>(computeWorker, 'head', full.result ? null : params);
  const { result, pending } = openingAnswer(full, head, params.step);
  const error = full.error ?? (full.result ? null : head.error);
  const stable = useStableGrid(result);
  // A step past the answer's horizon cannot be cut from it: the answer stays (titled with its own
  // step, the readout busy) until the worker's next one arrives.
  const r = useMemo(() => (stable && params.step <= stable.horizon ? frameAt(stable, params.step) : stable), [stable, params.step]);
  // Playing ends early once every run has stopped (diverged or converged): nothing moves after.
  const drawn = useDrawn(params, !pending && !!r && r.step === params.step);
  const finished = !!r && !pending && params === live && r.step === live.step && r.runs.every((run) => run.status !== 'ok');
  const player = usePlayer({
    shown: params.step,
    set: (step) => store.getState().set('step', step),
    max: MAX_STEPS,
    unit: 'iteration',
    speeds: SPEEDS,
    speed: 24,
    busy: pending || params !== live,
    finished,
  });
  const has = (o: OptimizerName) => live.optimizers.includes(o);
  const gdFamily = has('sgd') || has('momentum') || has('nesterov');
  const adaptive = live.optimizers.some(isAdaptive);
  const surfaceSpec = store.schema.surface;

  // A new surface comes with a start and step sizes that show it well (links keep their own).
  const setSurface = (s: SurfaceName) => {
    const p = PRESETS[s];
    store.getState().setMany({ surface: s, start: [...p.start], lr: p.lr, lrAdaptive: p.lrAdaptive });
  };
  // Picking a start (click, or Enter on the focused map) replays from there; when the system asks
  // for reduced motion it shows the same iteration from the new start at once instead.
  const pick = (x: number, y: number) => {
    const reduce = prefersReducedMotion();
    store.getState().setMany({ start: [x, y], step: reduce ? live.step : 0 });
    if (!reduce) player.play();
  };
  // The arrow keys on the map move the start and keep the iteration, like dragging a slider.
  const move = (x: number, y: number) => store.getState().set('start', [x, y]);

  const notes = r ? [...divergenceNotes(r), ...r.warnings] : [];
  // A link to a far iteration says so until its first answer (issue 8): the worker starts, then
  // races there; nothing is drawn before (frames.ts linkReplays).
  const replaying = !error && !r && linkReplays(params.step, player.playing);

  // Memoised: the slider's own frame (issue 8) does not redraw the plots with the old numbers.
  const plots = useMemo(
    () => (
      <>
        {r && (
          <div className="plot-grid">
            <ContourPlot r={r} start={keepInside(live.start, r.surface.view)} onPick={pick} onMove={move} />
            <LossPlot r={r} />
          </div>
        )}
      </>
    ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [r, live.start],
  );

  return (
    <PanelLayout
      summary={
        <>
          {drawn.optimizers.length === 1 ? 'One optimizer' : `${drawn.optimizers.length} optimizers`} from the same start on{' '}
          {SURFACE_PHRASE[drawn.surface]}; gradients by tfjs autodiff.
        </>
      }
      error={error}
      notes={notes}
      player={<PlayerBar player={player} />}
      readout={
        r && (
          <div className="gd-readout">
            <Readout
              busy={pending || params !== live}
              computing={changedSettings(store.schema, drawn, live, ['step'])}
              title={`Readout at iteration ${r.step}`} rows={readoutRows(r, params)} />
          </div>
        )
      }
      controls={
        <>
          <Select label={surfaceSpec.label} value={live.surface} options={surfaceSpec.options} optionLabels={surfaceSpec.optionLabels}
            onChange={setSurface} testId="ctl-surface" />
          {live.surface === 'bowl' && <ParamControl store={store} name="kappa" />}
          <ParamControl store={store} name="optimizers" swatch={(o) => optimizerColor(o as OptimizerName)} />
          {gdFamily && <ParamControl store={store} name="lr" />}
          {adaptive && <ParamControl store={store} name="lrAdaptive" />}
          {(has('momentum') || has('nesterov')) && <ParamControl store={store} name="momentum" />}
          {has('adam') && <ParamControl store={store} name="beta1" />}
          {has('adam') && <ParamControl store={store} name="beta2" />}
          {has('rmsprop') && <ParamControl store={store} name="alpha" />}
          {(live.surface === 'logistic' || live.batch < N_POINTS) && <ParamControl store={store} name="batch" />}
          {live.surface === 'logistic' && (
            <SeedButton seed={live.seed} max={store.schema.seed.max} onChange={(s) => store.getState().set('seed', s)} />
          )}
        </>
      }
    >
      <ReplayFrame replaying={replaying} unit="iteration" target={params.step} reached={null}>
        {plots}
      </ReplayFrame>
    </PanelLayout>
  );
}
