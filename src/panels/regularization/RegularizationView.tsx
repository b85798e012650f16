/**
 * Regularization view: coefficient paths, the two-weight picture, training/test error and the
 * non-zero count against λ, the weights at λ beside the truth; readout; controls.
 */
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { ParamControl } from '../../lib/controls/ParamControl';
import { SeedButton } from '../../lib/controls/SeedButton';
import { Readout } from '../../lib/controls/Readout';
import { Message } from '../../lib/controls/Message';
import { useComputed } from '../../lib/panel/useComputed';
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

export function RegularizationView() {
  const params = usePanelParams(store);
  const { result: r, error, pending } = useComputed(params, runRegularization);
  const block = Math.min(BLOCK, params.p);
  return (
    <div>
      <div className="workbench-head">
        <span className="ctl-help">
          {params.n} samples, {params.p} features (the first {block} correlated at ρ = {params.rho}), {Math.min(params.k, params.p)} of them
          truly matter.
        </span>
        <span className="badge">float64 JS</span>
      </div>
      {error && <Message kind="error">The computation failed: {error}</Message>}
      {r && (
        <>
          <div className="plot-grid">
            <PathPlot r={r} />
            <GeometryPlot r={r} />
            <ErrorPlot r={r} />
            <CountPlot r={r} />
            <WeightsPlot r={r} />
          </div>
          {r.at.messages.map((m, i) => (
            <Message key={i} kind="info">
              {m}
            </Message>
          ))}
          <Readout
            busy={pending}
            title="Readout"
            rows={readoutRows(r).map((row) => ({ label: row.label, value: row.value, testId: `ro-${row.key}`, color: SWATCH[row.key] }))}
          />
        </>
      )}
      <h3 className="controls-title">Controls</h3>
      <div className="controls">
        <ParamControl store={store} name="penalty" />
        <ParamControl store={store} name="lambda" />
        {params.penalty === 'elasticnet' && <ParamControl store={store} name="mix" />}
        <ParamControl store={store} name="p" />
        <ParamControl store={store} name="rho" />
        <ParamControl store={store} name="k" />
        <ParamControl store={store} name="n" />
        <ParamControl store={store} name="noise" />
        <SeedButton seed={params.seed} onChange={(s) => store.getState().set('seed', s)} />
      </div>
    </div>
  );
}
