/**
 * Unsupervised: the labels are hidden; k-means and DBSCAN (in the worker) each group the points
 * their own way, and the adjusted Rand index says how well each grouping matches the hidden labels.
 */
import { useMemo } from 'react';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { ParamControl } from '../../lib/controls/ParamControl';
import { Readout } from '../../lib/controls/Readout';
import { PanelLayout } from '../../lib/panel/PanelLayout';
import { useAfterPaint, useDrawn } from '../../lib/panel/useAfterPaint';
import { changedSettings } from '../../lib/params/describe';
import { useWorkerComputed } from '../../lib/worker/useWorkerComputed';
import { Legend } from '../../lib/plot/Legend';
import { Marker } from '../../lib/plot/Marker';
import { FG } from '../../lib/plot/colors';
import { computeWorker } from './worker';
import type { UnsupInput, UnsupResult } from './model';
import { clusterColor, DATASET_WORDS, HIDDEN, NOISE, plural, rate } from './look';
import { ModeTabs } from './ModeTabs';
import { PointsPlot } from './PointsPlot';
import { DataControls } from './SharedControls';
import { unsupervisedRows } from './readout';
import { usePageData } from './usePageData';
import { store } from './store';

export function UnsupervisedView() {
  const live = usePanelParams(store);
  const params = useAfterPaint(live);
  const { dataset, n, noise, seed, clusters, eps, minPts } = params;
  const input = useMemo<UnsupInput>(() => ({ dataset, n, noise, seed, clusters, eps, minPts }), [dataset, n, noise, seed, clusters, eps, minPts]);
  const w = useWorkerComputed<UnsupInput, UnsupResult>(computeWorker, 'unsupervised', input);
  const drawn = useDrawn(params, !w.pending);
  const data = usePageData(drawn);
  const r = w.result;
  const busy = w.pending || params !== live;

  const notes: string[] = [];
  if (live.clusters > live.n) notes.push(`${live.clusters} clusters asked of ${live.n} points: k-means uses ${live.n}.`);
  if (r && !busy && r.db.nClusters === 0) notes.push('DBSCAN found no core point: every point is noise. Raise eps or lower the minimum samples.');
  if (r && !busy && r.db.nClusters === 1 && data.K > 1) notes.push('DBSCAN put every cluster point in one cluster: eps is wide enough to bridge the groups.');

  const plots = useMemo(
    () =>
      r && (
        <div className="plot-grid lp-triple">
          <PointsPlot
            testId="lp-input-plot"
            title="What the learner gets"
            X={data.X}
            extent={data.extent}
            color={() => HIDDEN}
            legend={<Legend items={[{ label: `${data.X.n} points, no labels`, color: HIDDEN, kind: 'point' }]} />}
          />
          <PointsPlot
            testId="lp-kmeans-plot"
            title={`k-means, k = ${r.km.k}`}
            X={data.X}
            extent={data.extent}
            color={(i) => clusterColor(r.km.labels[i])}
            legend={<Legend items={[{ label: `ARI ${rate(r.km.ari)}`, color: clusterColor(0), kind: 'point' }, { label: '× centroid', color: FG, kind: 'point' }]} />}
          >
            {Array.from({ length: r.km.k }, (_, c) => (
              <Marker key={c} x={r.km.centroids[2 * c]} y={r.km.centroids[2 * c + 1]} shape="times" size={14} color={FG} />
            ))}
          </PointsPlot>
          <PointsPlot
            testId="lp-dbscan-plot"
            title={`DBSCAN (eps ${drawn.eps}, min ${drawn.minPts})`}
            X={data.X}
            extent={data.extent}
            color={(i) => (r.db.labels[i] < 0 ? NOISE : clusterColor(r.db.labels[i]))}
            r={Float64Array.from(r.db.labels, (l, i) => (l < 0 ? 2 : r.db.core[i] ? 3.5 : 2.5))}
            legend={
              <Legend
                items={[
                  { label: `${plural(r.db.nClusters, 'cluster')} · ARI ${rate(r.db.ari)}`, color: clusterColor(0), kind: 'point' },
                  { label: `noise (${r.db.noise})`, color: NOISE, kind: 'point' },
                ]}
              />
            }
            note="Large dots: core points; small: border points reached from a core point."
          />
        </div>
      ),
    [r, data, drawn.eps, drawn.minPts],
  );

  return (
    <PanelLayout
      summary={`Unsupervised: the same ${drawn.n} points of ${DATASET_WORDS[drawn.dataset]}, labels hidden; two clusterings (in a worker), each scored against the hidden labels.`}
      error={w.error}
      notes={notes}
      notesKind="info"
      readout={<Readout busy={busy} computing={changedSettings(store.schema, drawn, live)} title="Readout: unsupervised" rows={unsupervisedRows(drawn, r)} />}
      controls={
        <>
          <ParamControl store={store} name="clusters" />
          <ParamControl store={store} name="eps" />
          <ParamControl store={store} name="minPts" />
          <DataControls seed={live.seed} />
        </>
      }
    >
      <ModeTabs mode="unsupervised" />
      <div data-computed-in="worker">{plots}</div>
    </PanelLayout>
  );
}
