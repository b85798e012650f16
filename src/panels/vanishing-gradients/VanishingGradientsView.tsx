/**
 * Vanishing-gradients view: a deep network (yours) and up to two presets trained side by side on
 * the same data and seed. Gradient norm per layer, the same as a layer-by-step heat map,
 * activation histograms per layer, loss curves; stepper, messages, readout, controls.
 */
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { ParamControl } from '../../lib/controls/ParamControl';
import { CheckboxGroup } from '../../lib/controls/CheckboxGroup';
import { SeedButton } from '../../lib/controls/SeedButton';
import { Stepper } from '../../lib/controls/Stepper';
import { Readout } from '../../lib/controls/Readout';
import { Message } from '../../lib/controls/Message';
import { BackendBadge } from '../../lib/tf/BackendBadge';
import { MAX_COMPARE, MAX_STEPS, PRESETS, type PresetName } from './params';
import { useTraining } from './useTraining';
import { NormByLayer, NormHeat } from './NormPlots';
import { ActivationPlot } from './ActivationPlot';
import { LossPlot } from './LossPlot';
import { readoutRows } from './readout';
import { runColor } from './look';
import { store } from './store';
import './vanishing-gradients.css';

/** Ticking a preset beyond the limit drops the earliest of the others. */
function limitCompare(prev: readonly PresetName[], next: PresetName[]): PresetName[] {
  if (next.length <= MAX_COMPARE) return next;
  const added = next.filter((x) => !prev.includes(x));
  const keep = new Set([...prev.slice(-(MAX_COMPARE - added.length)), ...added]);
  return PRESETS.filter((x) => keep.has(x));
}

export function VanishingGradientsView() {
  const params = usePanelParams(store);
  const { view: v, busy, error, player } = useTraining(params);
  const compareSpec = store.schema.compare;

  return (
    <div>
      <div className="workbench-head">
        <span className="ctl-help">
          {params.depth}-layer network{v && v.runs.length > 1 ? ` and ${v.runs.length - 1} preset${v.runs.length > 2 ? 's' : ''}` : ''}, trained
          on the same {params.task === 'wave' ? 'regression' : 'classification'} data from the same seed; gradients by tfjs autodiff.
        </span>
        <BackendBadge />
      </div>
      {error && <Message kind="error">The computation failed: {error}</Message>}
      {v && (
        <div className="plot-grid">
          <NormByLayer v={v} />
          <NormHeat v={v} />
          <ActivationPlot v={v} />
          <LossPlot v={v} />
        </div>
      )}
      <Stepper player={player} step={params.step} max={MAX_STEPS} unit="training step" />
      {busy && v && v.step < params.step && (
        <p className="ctl-help" aria-live="off">
          Training… step {v.step} of {params.step}
        </p>
      )}
      {v && v.messages.length > 0 && (
        <Message kind="warn">
          {v.messages.map((m, i) => (
            <span key={i} style={{ display: 'block' }}>
              {m}
            </span>
          ))}
        </Message>
      )}
      {v && (
        <div className="vg-readout">
          <Readout busy={busy} title={`Readout at step ${v.step}`} rows={readoutRows(v, params)} />
        </div>
      )}
      <h3 className="controls-title">Controls</h3>
      <div className="controls">
        <ParamControl store={store} name="depth" />
        <ParamControl store={store} name="width" />
        <ParamControl store={store} name="activation" />
        <ParamControl store={store} name="init" />
        {params.init === 'naive' && <ParamControl store={store} name="naiveStd" />}
        <ParamControl store={store} name="residual" />
        <ParamControl store={store} name="batchNorm" />
        <CheckboxGroup
          label={`${compareSpec.label}, at most ${MAX_COMPARE}`}
          value={params.compare}
          options={compareSpec.options}
          optionLabels={compareSpec.optionLabels}
          swatch={(o) => runColor(o)}
          onChange={(next) => store.getState().set('compare', limitCompare(params.compare, next))}
        />
        <ParamControl store={store} name="task" />
        <ParamControl store={store} name="optimizer" />
        <ParamControl store={store} name="lr" />
        <ParamControl store={store} name="clip" />
        {params.clip && <ParamControl store={store} name="clipNorm" />}
        <SeedButton seed={params.seed} max={store.schema.seed.max} onChange={(s) => store.getState().set('seed', s)} />
      </div>
    </div>
  );
}
