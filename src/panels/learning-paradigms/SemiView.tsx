/**
 * Semi-supervised: a few points keep their label, the rest are hidden; label propagation or
 * spreading (all iterations computed once in the worker) passes the labels along the RBF graph.
 * The player steps through the iterations: the hidden points take colour as the labels reach them.
 */
import { useMemo } from 'react';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { ParamControl } from '../../lib/controls/ParamControl';
import { Readout } from '../../lib/controls/Readout';
import { PanelLayout } from '../../lib/panel/PanelLayout';
import { PlayerBar } from '../../lib/panel/PlayerBar';
import { usePlayer } from '../../lib/panel/usePlayer';
import { useAfterPaint, useDrawn } from '../../lib/panel/useAfterPaint';
import { changedSettings } from '../../lib/params/describe';
import { useWorkerComputed } from '../../lib/worker/useWorkerComputed';
import { Legend } from '../../lib/plot/Legend';
import { FG } from '../../lib/plot/colors';
import { computeWorker } from './worker';
import type { SemiInput, SemiSnapshot } from './model';
import { classColor, DATASET_WORDS, HIDDEN } from './look';
import { ModeTabs } from './ModeTabs';
import { PointsPlot } from './PointsPlot';
import { AccuracyPlot } from './AccuracyPlot';
import { DataControls } from './SharedControls';
import { semiRows } from './readout';
import { usePageData } from './usePageData';
import { classCount } from './data';
import { MAX_ITER } from './params';
import { store } from './store';

const SPEEDS = [1, 5, 20, 60, Infinity];

export function SemiView() {
  const live = usePanelParams(store);
  const params = useAfterPaint(live);
  const { dataset, n, noise, seed, labelled, method, gamma, alpha, iter } = params;
  const config = useMemo<SemiInput>(() => ({ dataset, n, noise, seed, labelled, method, gamma, alpha }), [dataset, n, noise, seed, labelled, method, gamma, alpha]);
  const input = useMemo(() => ({ config, iter }), [config, iter]);
  const w = useWorkerComputed<{ config: SemiInput; iter: number }, SemiSnapshot>(computeWorker, 'semi', input);
  const drawn = useDrawn(params, !w.pending);
  const data = usePageData(drawn);
  const v = w.result;
  const busy = w.pending || params !== live;

  const player = usePlayer({
    shown: v?.iter ?? params.iter,
    max: v?.nIter ?? MAX_ITER,
    endKnown: !!v,
    unit: 'iteration',
    speeds: SPEEDS,
    speed: 20,
    set: (s) => store.getState().set('iter', s),
    busy: w.pending,
    maxPerFrame: () => 4,
  });

  const K = classCount(live.dataset);
  const notes: string[] = [];
  if (live.labelled < K) notes.push(`Every class needs one label: ${K} points are labelled.`);
  if (live.labelled >= live.n) notes.push('Every point is labelled: there is nothing to spread.');
  if (v && !busy && live.iter > v.nIter) notes.push(`The run stopped at iteration ${v.nIter}${v.converged ? ' (its labels changed by less than the tolerance 10⁻³)' : ''}: that is shown.`);
  if (v && !busy && !v.converged) notes.push(`Not converged after ${MAX_ITER} iterations (scikit-learn’s max_iter): these are the labels it would return, with a warning.`);

  const plots = useMemo(() => {
    if (!v) return null;
    const given = new Set(v.labelled);
    // Hidden points whose current label disagrees with the truth: the mistakes the spreading still has to fix.
    const wrong: number[] = [];
    for (let i = 0; i < data.X.n; i++) if (!given.has(i) && v.pred[i] >= 0 && v.pred[i] !== data.y[i]) wrong.push(i);
    const wrongCount = wrong.length;
    return (
      <div className="plot-grid lp-pair">
        <PointsPlot
          testId="lp-semi-plot"
          title={`Iteration ${v.iter}: labels spreading from ${v.labelled.length} given`}
          X={data.X}
          extent={data.extent}
          color={(i) => (v.pred[i] < 0 ? HIDDEN : classColor(v.pred[i]))}
          r={Float64Array.from(v.pred, (_, i) => (given.has(i) ? 7 : 3.2))}
          stroke={FG}
          marks={wrong}
          legend={
            <Legend
              items={Array.from({ length: K }, (_, c) => ({ label: `class ${c}`, color: classColor(c), kind: 'point' as const })).concat([
                { label: 'not reached yet', color: HIDDEN, kind: 'point' as const },
                { label: 'large: a given label', color: FG, kind: 'point' as const },
                { label: `× wrong so far (${wrongCount})`, color: FG, kind: 'point' as const },
              ])}
            />
          }
        />
        <AccuracyPlot v={v} />
      </div>
    );
  }, [v, data, K]);

  return (
    <PanelLayout
      summary={`Semi-supervised: ${Math.min(drawn.n, Math.max(classCount(drawn.dataset), drawn.labelled))} of ${drawn.n} points of ${DATASET_WORDS[drawn.dataset]} keep their label; label ${drawn.method} (RBF kernel, γ = ${drawn.gamma}) passes labels to the rest, iteration by iteration (in a worker).`}
      error={w.error}
      notes={notes}
      notesKind="info"
      player={v && <PlayerBar player={player} label={v.converged ? `converged at iteration ${v.nIter}` : `stopped at ${v.nIter}`} />}
      readout={<Readout busy={busy} computing={changedSettings(store.schema, drawn, live, ['iter'])} title="Readout: semi-supervised" rows={semiRows(drawn, v)} />}
      controls={
        <>
          <ParamControl store={store} name="labelled" />
          <ParamControl store={store} name="method" />
          <ParamControl store={store} name="gamma" />
          {live.method === 'spreading' && <ParamControl store={store} name="alpha" />}
          <DataControls seed={live.seed} />
        </>
      }
    >
      <ModeTabs mode="semi" />
      <div data-computed-in="worker">{plots}</div>
    </PanelLayout>
  );
}
