/**
 * Supervised: every label is given; a classifier (k-NN or logistic regression, fitted in the
 * worker) draws its boundary over the plane, scored on the training points and on fresh ones.
 */
import { useMemo } from 'react';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { ParamControl } from '../../lib/controls/ParamControl';
import { Readout } from '../../lib/controls/Readout';
import { PanelLayout } from '../../lib/panel/PanelLayout';
import { useAfterPaint, useDrawn } from '../../lib/panel/useAfterPaint';
import { changedSettings } from '../../lib/params/describe';
import { useWorkerComputed } from '../../lib/worker/useWorkerComputed';
import { HeatMap } from '../../lib/plot/HeatMap';
import { Legend } from '../../lib/plot/Legend';
import { computeWorker } from './worker';
import { usePageData } from './usePageData';
import { GRID_N, type SupInput, type SupResult } from './model';
import { classColor, DATASET_WORDS, rate, useClassMapColors } from './look';
import { ModeTabs } from './ModeTabs';
import { PointsPlot } from './PointsPlot';
import { DataControls } from './SharedControls';
import { supervisedRows } from './readout';
import { store } from './store';

export function SupervisedView() {
  const live = usePanelParams(store);
  const params = useAfterPaint(live);
  const { dataset, n, noise, seed, clf, k } = params;
  const input = useMemo<SupInput>(() => ({ dataset, n, noise, seed, clf, k }), [dataset, n, noise, seed, clf, k]);
  const w = useWorkerComputed<SupInput, SupResult>(computeWorker, 'supervised', input);
  const drawn = useDrawn(params, !w.pending);
  const data = usePageData(drawn);
  const r = w.result;
  const colors = useClassMapColors(data.K);
  const busy = w.pending || params !== live;
  const model = drawn.clf === 'knn' ? `${drawn.k}-nearest-neighbour vote` : data.K === 2 ? 'logistic regression' : 'logistic regression (one against the rest per class)';
  const notes: string[] = [];
  if (live.clf === 'knn' && live.k > live.n) notes.push(`k = ${live.k} is more than the ${live.n} points: every point votes.`);

  const plot = useMemo(
    () =>
      r && (
        <PointsPlot
          testId="lp-supervised-plot"
          title={`Every label given: the regions of the ${model}`}
          X={data.X}
          extent={data.extent}
          color={(i) => classColor(data.y[i])}
          legend={
            <Legend
              items={Array.from({ length: data.K }, (_, c) => ({ label: `class ${c}: point and region`, color: classColor(c), kind: 'point' as const })).concat([
                { label: `fainter region: less sure · test accuracy ${rate(r.testAcc)}`, color: 'var(--muted)', kind: 'point' as const },
              ])}
            />
          }
          background={<HeatMap values={r.grid} nx={GRID_N} ny={GRID_N} extent={r.extent} interpolate={colors} domain={[0, r.K]} smooth={false} />}
        />
      ),
    [r, data, colors, model],
  );

  return (
    <PanelLayout
      summary={`Supervised: all ${drawn.n} points of ${DATASET_WORDS[drawn.dataset]} come with their label; a ${model} learns the map from point to label (in a worker).`}
      error={w.error}
      notes={notes}
      readout={<Readout busy={busy} computing={changedSettings(store.schema, drawn, live)} title="Readout: supervised" rows={supervisedRows(drawn, r, model)} />}
      controls={
        <>
          <ParamControl store={store} name="clf" />
          {live.clf === 'knn' && <ParamControl store={store} name="k" />}
          <DataControls seed={live.seed} />
        </>
      }
    >
      <ModeTabs mode="supervised" />
      <div data-computed-in="worker">{plot}</div>
    </PanelLayout>
  );
}
