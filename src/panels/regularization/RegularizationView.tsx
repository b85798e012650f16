/**
 * Regularization view: coefficient paths, the two-weight picture, training/test error and the
 * non-zero count against λ, the weights at λ beside the truth. The header, messages, readout and
 * controls come from PanelLayout. The path (everything but λ) is computed in the panel's worker
 * (compute.worker.ts) and cached there per data and penalty; the λ slider only re-solves one λ
 * from it, here on the page (~0.6 ms a step), so the slider's marker follows the thumb at once.
 */
import { useMemo } from 'react';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { ParamControl } from '../../lib/controls/ParamControl';
import { SeedButton } from '../../lib/controls/SeedButton';
import { Readout } from '../../lib/controls/Readout';
import { useWorkerComputed } from '../../lib/worker/useWorkerComputed';
import { useAfterPaint, useDrawn } from '../../lib/panel/useAfterPaint';
import { changedSettings } from '../../lib/params/describe';
import { PanelLayout } from '../../lib/panel/PanelLayout';
import { ACCENT, TEST, TRAIN } from '../../lib/plot/colors';
import type { RegResult } from './compute';
import { atLambda, type PathParams, type PathResult } from './model';
import { PathPlot } from './PathPlot';
import { GeometryPlot } from './GeometryPlot';
import { ErrorPlot } from './ErrorPlot';
import { CountPlot } from './CountPlot';
import { WeightsPlot } from './WeightsPlot';
import { readoutRows } from './readout';
import { BLOCK } from './params';
import { store } from './store';
import { computeWorker } from './worker';

const SWATCH: Record<string, string> = { train: TRAIN, test: TEST, nonzero: ACCENT };
const FLOAT64_BADGE = <span className="badge">float64 JS</span>;

/** The solution at λ on the path the worker sent; a failure is shown like the path's own. */
function solveAt(path: PathResult | null, lambda: number): { r: RegResult | null; error: string | null } {
  if (!path) return { r: null, error: null };
  try {
    return { r: { path, at: atLambda(path, lambda) }, error: null };
  } catch (e) {
    return { r: null, error: e instanceof Error ? e.message : String(e) };
  }
}

export function RegularizationView() {
  const live = usePanelParams(store);
  // The slider's frame shows only the setting; the path and the plots follow after it is painted.
  const params = useAfterPaint(live);
  const { penalty, mix, p, rho, k, n, noise, seed, lambda } = params;
  // A new object only when something but λ changes: dragging λ sends nothing to the worker.
  const pathIn = useMemo<PathParams>(() => ({ penalty, mix, p, rho, k, n, noise, seed }), [penalty, mix, p, rho, k, n, noise, seed]);
  const path = useWorkerComputed<PathParams, PathResult>(computeWorker, 'path', pathIn);
  const at = useMemo(() => solveAt(path.result, lambda), [path.result, lambda]);
  const r = at.r;
  const error = path.error ?? at.error;
  const pending = path.pending || params !== live;
  const drawn = useDrawn(params, !path.pending);
  const plots = useMemo(
    () =>
      r && (
        <div className="plot-grid">
          <PathPlot r={r} />
          <GeometryPlot r={r} />
          <ErrorPlot r={r} />
          <CountPlot r={r} />
          <WeightsPlot r={r} />
        </div>
      ),
    [r],
  );
  const block = Math.min(BLOCK, drawn.p);
  return (
    <PanelLayout
      summary={`${drawn.n} samples, ${drawn.p} features (the first ${block} correlated at ρ = ${drawn.rho}), ${Math.min(drawn.k, drawn.p)} of them truly matter.`}
      badge={FLOAT64_BADGE}
      error={error}
      notes={r?.at.messages ?? []}
      notesKind="info"
      readout={
        r && (
          <Readout
            busy={pending}
            computing={changedSettings(store.schema, drawn, live)}
            // Not "at λ = …": the readout title is set in capitals, and a capital λ is Λ.
            title="Readout at the current penalty"
            rows={readoutRows(r).map((row) => ({ label: row.label, value: row.value, testId: `ro-${row.key}`, color: SWATCH[row.key] }))}
          />
        )
      }
      controls={
        <>
          <ParamControl store={store} name="lambda" />
          <ParamControl store={store} name="penalty" />
          {live.penalty === 'elasticnet' && <ParamControl store={store} name="mix" />}
          <ParamControl store={store} name="p" />
          <ParamControl store={store} name="rho" />
          <ParamControl store={store} name="k" />
          <ParamControl store={store} name="n" />
          <ParamControl store={store} name="noise" />
          <SeedButton seed={live.seed} onChange={(s) => store.getState().set('seed', s)} />
        </>
      }
    >
      {plots}
    </PanelLayout>
  );
}
