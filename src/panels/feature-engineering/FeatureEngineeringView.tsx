/**
 * Feature-engineering view: one case study at a time, the same simple model before and after one
 * transform side by side with its score, the case's extra picture (the clock of hours, the
 * feature names), and the readout. Everything is computed in the panel's worker
 * (compute.worker.ts); the real wages data is fetched only when its case is chosen (wages.ts).
 * Layout, readout and controls: lib/panel.
 */
import { useMemo } from 'react';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { ParamControl } from '../../lib/controls/ParamControl';
import { SeedButton } from '../../lib/controls/SeedButton';
import { Readout } from '../../lib/controls/Readout';
import { PanelLayout } from '../../lib/panel/PanelLayout';
import { useAfterPaint, useDrawn } from '../../lib/panel/useAfterPaint';
import { changedSettings } from '../../lib/params/describe';
import { useWorkerComputed } from '../../lib/worker/useWorkerComputed';
import type { FeInput, FeResult } from './model';
import { CASE_CONTROLS, CASE_LABELS } from './params';
import { useWages } from './wages';
import { readoutRows } from './readout';
import { XYPair } from './XYPair';
import { BoundaryPair } from './BoundaryPair';
import { ScalingPlots } from './ScalingPlots';
import { HourClock } from './HourClock';
import { FeatureNames } from './FeatureNames';
import { MODEL_WORDS } from './look';
import { store } from './store';
import './feature-engineering.css';
import { computeWorker } from './worker';
import { Dimmable } from '../../lib/controls/Dimmable';

// Vite's static worker pattern: the worker is bundled as its own chunk (see lib/worker/client.ts).

const FLOAT64_BADGE = <span className="badge">float64 JS</span>;
const LOADING = 'Loading the 1985 wages data…';

export function FeatureEngineeringView() {
  const live = usePanelParams(store);
  // The slider's frame shows only the setting; the worker's result and the plots follow after it is painted.
  const p = useAfterPaint(live);
  const wages = useWages(p.case === 'category');
  const loading = p.case === 'category' && !wages.table && !wages.error;
  const input = useMemo<FeInput>(() => ({ ...p, wages: p.case === 'category' ? wages.table : null }), [p, wages.table]);
  const { result, error, pending } = useWorkerComputed<FeInput, FeResult | null>(computeWorker, 'fe', input);
  const drawn = useDrawn(p, !pending && !loading);
  const shown = result && result.case === drawn.case ? result : null;

  // Memoised: the slider's own frame (issue 8) does not redraw the plots with the old numbers.
  // The plots are memoised without `pending`, which only sets the wrapper's class: the dimming
  // then re-renders no plot (React skips a child whose element is the same object).
  const content = useMemo(
    () =>
      shown && (
        <>
          {shown.kind === 'xy' && <XYPair r={shown} />}
          {shown.kind === 'boundary' && <BoundaryPair r={shown} />}
          {shown.kind === 'scaling' && <ScalingPlots r={shown} scaler={drawn.scaler === 'minmax' ? 'min-max' : 'standardised'} />}
          {shown.case === 'hour' && <HourClock />}
          <FeatureNames r={shown} />
        </>
      ),
    [shown, drawn.scaler],
  );
  const plots = shown && (
    <Dimmable pending={pending} className="fe-plots" data-computed-in="worker" data-testid="fe-plots" data-case={shown.case}>
      {content}
    </Dimmable>
  );

  const summary = `${CASE_LABELS[drawn.case]}: the same ${MODEL_WORDS[drawn.case]} on the features before and after the transform, each scored on held-out data.`;

  return (
    <PanelLayout
      summary={summary}
      badge={FLOAT64_BADGE}
      error={wages.error ?? error}
      notes={loading ? [LOADING] : []}
      notesKind="info"
      readout={<Readout busy={pending || loading || p !== live} computing={changedSettings(store.schema, drawn, live)} title="Readout" rows={readoutRows(drawn, shown)} />}
      controls={
        <>
          <ParamControl store={store} name="case" />
          {CASE_CONTROLS[live.case].map((name) => (
            <ParamControl key={name} store={store} name={name} />
          ))}
          <SeedButton seed={live.seed} onChange={(s) => store.getState().set('seed', s)} />
        </>
      }
    >
      {plots}
      {!shown && !loading && <p className="fe-wait">Fitting both models…</p>}
    </PanelLayout>
  );
}
