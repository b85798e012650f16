/**
 * Imbalanced-data view: the training data as the chosen method leaves it with the decision
 * boundary at the threshold, the chosen method's PR curve (press or drag on it to move the
 * threshold), and one table comparing all six methods and the always-majority rule. Everything
 * is computed in the panel's worker (compute.worker.ts); the real sensor data is fetched only
 * when chosen (sensorData.ts). Layout, readout and controls: lib/panel.
 */
import { useCallback, useMemo } from 'react';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { ParamControl } from '../../lib/controls/ParamControl';
import { SeedButton } from '../../lib/controls/SeedButton';
import { Readout } from '../../lib/controls/Readout';
import { PanelLayout } from '../../lib/panel/PanelLayout';
import { useWorkerComputed } from '../../lib/worker/useWorkerComputed';
import { useAfterPaint, useDrawn } from '../../lib/panel/useAfterPaint';
import { changedSettings } from '../../lib/params/describe';
import { fmt } from '../../lib/format/format';
import type { ImbalanceInput } from './model';
import type { ImbalanceResult } from './present';
import type { Method } from './params';
import { useSensorTable } from './sensorData';
import { readoutRows } from './readout';
import { DataPlot } from './DataPlot';
import { PrPlot } from './PrPlot';
import { MethodTable } from './MethodTable';
import { ratioText } from './look';
import { store } from './store';
import './imbalanced-data.css';
import { computeWorker } from './worker';
import { Dimmable } from '../../lib/controls/Dimmable';

// Vite's static worker pattern: the worker is bundled as its own chunk (see lib/worker/client.ts).

const FLOAT64_BADGE = <span className="badge">float64 JS</span>;
const LOADING = 'Loading the sensor readings…';

export function ImbalancedDataView() {
  const live = usePanelParams(store);
  // The slider's frame shows only the setting; the worker's result and the plots follow after it is painted.
  const p = useAfterPaint(live);
  const { data, ratio, overlap, k, seed, method, threshold } = p;
  const sensors = useSensorTable(data === 'sensors');
  const loading = data === 'sensors' && !sensors.table && !sensors.error;
  // Until the real data is here, compute the generated data (cheap) rather than nothing; its
  // result is not shown as if it were the sensors' (see `shown`).
  const input = useMemo<ImbalanceInput>(
    () => ({ data: data === 'sensors' && sensors.table ? 'sensors' : 'generated', ratio, overlap, k, seed, method, threshold, sensors: data === 'sensors' ? sensors.table : null }),
    [data, sensors.table, ratio, overlap, k, seed, method, threshold],
  );
  const { result, error, pending } = useWorkerComputed<ImbalanceInput, ImbalanceResult>(computeWorker, 'imbalance', input);
  const shown = result && result.source === data ? result : null;
  const setThreshold = useCallback((t: number) => store.getState().set('threshold', t), []);
  const pick = useCallback((m: Method) => store.getState().set('method', m), []);
  const drawn = useDrawn(p, !pending && !loading);

  const summary =
    drawn.data === 'sensors'
      ? `Real sensor readings with rare steam events (Suthaharan et al. 2010, CC BY 4.0), ${ratioText(drawn.ratio)}; logistic regression trained six ways on two motes, scored on the other two.`
      : `Two Gaussian classes, ${ratioText(drawn.ratio)}, overlap ${fmt(drawn.overlap, 3)}; logistic regression trained six ways, scored on a test set with the same imbalance.`;

  // Memoised: the slider's own frame (issue 8) does not redraw the plots with the old numbers.
  // The plots are memoised without `pending`, which only sets the wrapper's class: the dimming
  // then re-renders no plot (React skips a child whose element is the same object).
  const content = useMemo(
    () =>
      shown && (
        <>
          <div className="plot-grid">
            <DataPlot r={shown} />
            <PrPlot r={shown} onThreshold={setThreshold} />
          </div>
          <MethodTable r={shown} onPick={pick} />
        </>
      ),
    [shown, setThreshold, pick],
  );
  const plots = content && (
    <Dimmable pending={pending} className="dims" data-computed-in="worker">
      {content}
    </Dimmable>
  );

  return (
    <PanelLayout
      summary={summary}
      badge={FLOAT64_BADGE}
      error={sensors.error ?? error}
      notes={loading ? [LOADING] : (shown?.messages ?? [])}
      notesKind={loading ? 'info' : 'warn'}
      readout={
        shown && (
          <Readout busy={pending || loading || p !== live} computing={changedSettings(store.schema, drawn, live)} title="Readout" rows={readoutRows(drawn, shown)} />
        )
      }
      controls={
        <>
          <ParamControl store={store} name="method" />
          <ParamControl store={store} name="ratio" display={ratioText} />
          <ParamControl store={store} name="threshold" />
          {live.data === 'generated' && <ParamControl store={store} name="overlap" />}
          <ParamControl store={store} name="k" />
          <ParamControl store={store} name="data" />
          <SeedButton seed={live.seed} onChange={(s) => store.getState().set('seed', s)} />
        </>
      }
    >
      {plots}
    </PanelLayout>
  );
}
