/**
 * Regularization view: coefficient paths, the two-weight picture, training/test error and the
 * non-zero count against λ, the weights at λ beside the truth. The header, messages, readout and
 * controls come from PanelLayout; the path is cached per data and penalty (compute.ts), so the
 * λ slider only re-solves one λ.
 */
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { ParamControl } from '../../lib/controls/ParamControl';
import { SeedButton } from '../../lib/controls/SeedButton';
import { Readout } from '../../lib/controls/Readout';
import { useComputed } from '../../lib/panel/useComputed';
import { PanelLayout } from '../../lib/panel/PanelLayout';
import { ACCENT, TEST, TRAIN } from '../../lib/plot/colors';
import { runRegularization } from './compute';
import { PathPlot } from './PathPlot';
import { GeometryPlot } from './GeometryPlot';
import { ErrorPlot } from './ErrorPlot';
import { CountPlot } from './CountPlot';
import { WeightsPlot } from './WeightsPlot';
import { readoutRows } from './readout';
import { BLOCK } from './params';
import { store } from './store';

const SWATCH: Record<string, string> = { train: TRAIN, test: TEST, nonzero: ACCENT };
const FLOAT64_BADGE = <span className="badge">float64 JS</span>;

export function RegularizationView() {
  const params = usePanelParams(store);
  const { result: r, error, pending } = useComputed(params, runRegularization);
  const block = Math.min(BLOCK, params.p);
  return (
    <PanelLayout
      summary={`${params.n} samples, ${params.p} features (the first ${block} correlated at ρ = ${params.rho}), ${Math.min(params.k, params.p)} of them truly matter.`}
      badge={FLOAT64_BADGE}
      error={error}
      notes={r?.at.messages ?? []}
      notesKind="info"
      readout={
        r && (
          <Readout
            busy={pending}
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
          {params.penalty === 'elasticnet' && <ParamControl store={store} name="mix" />}
          <ParamControl store={store} name="p" />
          <ParamControl store={store} name="rho" />
          <ParamControl store={store} name="k" />
          <ParamControl store={store} name="n" />
          <ParamControl store={store} name="noise" />
          <SeedButton seed={params.seed} onChange={(s) => store.getState().set('seed', s)} />
        </>
      }
    >
      {r && (
        <div className="plot-grid">
          <PathPlot r={r} />
          <GeometryPlot r={r} />
          <ErrorPlot r={r} />
          <CountPlot r={r} />
          <WeightsPlot r={r} />
        </div>
      )}
    </PanelLayout>
  );
}
