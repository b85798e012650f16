/**
 * Missing-data view: the first data set as the chosen imputation fills it beside the truth, the
 * estimates of every method over many resampled data sets (dot and whisker), and one table with
 * the estimates, the downstream test error and the leak of imputing before the split. The study
 * runs in the panel's worker (compute.worker.ts); choosing the method shown or the split only
 * re-reads its result. Layout, readout and controls: lib/panel.
 */
import { useCallback, useMemo } from 'react';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { ParamControl } from '../../lib/controls/ParamControl';
import { SeedButton } from '../../lib/controls/SeedButton';
import { Readout } from '../../lib/controls/Readout';
import { PanelLayout } from '../../lib/panel/PanelLayout';
import { useAfterPaint, useDrawn } from '../../lib/panel/useAfterPaint';
import { changedSettings } from '../../lib/params/describe';
import { fmt } from '../../lib/format/format';
import type { StudyInput } from './model';
import type { Method } from './params';
import { readoutRows } from './readout';
import { ScatterPair } from './ScatterPair';
import { EstimatePlot } from './EstimatePlot';
import { MethodTable } from './MethodTable';
import { percent } from './look';
import { store } from './store';
import { useStudy } from './useStudy';
import './missing-data.css';
import { Dimmable } from '../../lib/controls/Dimmable';

const FLOAT64_BADGE = <span className="badge">float64 JS</span>;

export function MissingDataView() {
  const live = usePanelParams(store);
  // The slider's frame shows only the setting; the worker's result and the plots follow after it is painted.
  const p = useAfterPaint(live);
  const { mechanism, rate, rho, n, draws, k, indicator, seed, method, split } = p;
  const input = useMemo<StudyInput>(() => ({ mechanism, rate, rho, n, draws, k, indicator, seed }), [mechanism, rate, rho, n, draws, k, indicator, seed]);
  const { result, error, pending, progress } = useStudy(input);
  const drawn = useDrawn(p, !pending);
  const pick = useCallback((m: Method) => store.getState().set('method', m), []);

  const summary = `x, y and z correlated Gaussians with a known truth; ${percent(drawn.rate)} of x and of y go missing (${drawn.mechanism.toUpperCase()}); six ways to cope, each over ${drawn.draws} resampled data sets of ${drawn.n} rows.`;

  // Memoised: the slider's own frame (issue 8) does not redraw the plots with the old numbers.
  // The plots are memoised without `pending`, which only sets the wrapper's class: the dimming
  // then re-renders no plot (React skips a child whose element is the same object).
  const content = useMemo(
    () =>
      result && (
        <>
          <ScatterPair r={result} method={method} />
          <EstimatePlot r={result} method={method} />
          <MethodTable r={result} method={method} split={split} onPick={pick} />
        </>
      ),
    [result, method, split, pick],
  );
  const plots = content && (
    <Dimmable pending={pending} className="dims" data-computed-in="worker">
      {content}
    </Dimmable>
  );
  const computing = changedSettings(store.schema, drawn, live);
  const share = typeof progress === 'number' && pending ? ` (${fmt(100 * progress, 2)} %)` : '';

  return (
    <PanelLayout
      summary={summary}
      badge={FLOAT64_BADGE}
      error={error}
      notes={result?.messages ?? []}
      notesKind="warn"
      readout={<Readout busy={pending || p !== live} computing={computing ? `${computing}${share}` : ''} title="Readout" rows={readoutRows(drawn, result)} />}
      controls={
        <>
          <ParamControl store={store} name="mechanism" />
          <ParamControl store={store} name="rate" display={percent} />
          <ParamControl store={store} name="method" />
          <ParamControl store={store} name="indicator" />
          <ParamControl store={store} name="split" />
          <ParamControl store={store} name="rho" />
          <ParamControl store={store} name="k" />
          <ParamControl store={store} name="n" />
          <ParamControl store={store} name="draws" />
          <SeedButton seed={live.seed} onChange={(s) => store.getState().set('seed', s)} />
        </>
      }
    >
      {plots}
    </PanelLayout>
  );
}
