/**
 * Vanishing-gradients view: a deep network (yours) and up to two presets trained side by side on
 * the same data and seed. Gradient norm per layer, the same as a layer-by-step heat map,
 * activation histograms per layer, loss curves; player, messages, readout, controls.
 */
import { useMemo } from 'react';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { ParamControl } from '../../lib/controls/ParamControl';
import { CheckboxGroup } from '../../lib/controls/CheckboxGroup';
import { SeedButton } from '../../lib/controls/SeedButton';
import { Readout } from '../../lib/controls/Readout';
import { PanelLayout } from '../../lib/panel/PanelLayout';
import { PlayerBar } from '../../lib/panel/PlayerBar';
import { MAX_COMPARE, PRESETS, type PresetName, type VGParams } from './params';
import { useTraining, type Training } from './useTraining';
import { NormByLayer, NormHeat } from './NormPlots';
import { ActivationPlot } from './ActivationPlot';
import { LossPlot } from './LossPlot';
import { readoutRows } from './readout';
import { runColor } from './look';
import { store } from './store';
import { changedSettings } from '../../lib/params/describe';
import { ReplayFrame } from '../../lib/panel/ReplayFrame';
import './vanishing-gradients.css';

/** Ticking a preset beyond the limit drops the earliest of the others. */
function limitCompare(prev: readonly PresetName[], next: PresetName[]): PresetName[] {
  if (next.length <= MAX_COMPARE) return next;
  const added = next.filter((x) => !prev.includes(x));
  const keep = new Set([...prev.slice(-(MAX_COMPARE - added.length)), ...added]);
  return PRESETS.filter((x) => keep.has(x));
}

/** While a new setting trains, the readout names it at once (its numbers follow when ready). */
const pendingText = (shown: VGParams, asked: VGParams) => (shown === asked ? '' : changedSettings(store.schema, shown, asked, ['step']));

/** Only a real replay is announced: one step while stepping or playing is not worth a flash. */
const isReplay = (t: Training, target: number) => t.done !== null && !t.player.playing && target - t.done > 1;

/** The new settings' replay so far, once its first steps are on screen (the plots show them). */
const replayProgress = (t: Training, target: number) => (t.progressed ? `step ${t.done} of ${target} in the plots` : '');

function summary(p: VGParams, runs: number): string {
  const others = runs > 1 ? ` and ${runs - 1} preset${runs > 2 ? 's' : ''}` : '';
  return `${p.depth}-layer network${others}, trained on the same ${p.task === 'wave' ? 'regression' : 'classification'} data from the same seed; gradients by tfjs autodiff.`;
}

export function VanishingGradientsView() {
  const params = usePanelParams(store);
  const t = useTraining(params);
  const { settled, live } = t;
  const replaying = isReplay(t, params.step);
  const compareSpec = store.schema.compare;
  // The view re-renders every frame while training (progress); the plots only when their data changes.
  const plots = useMemo(
    () =>
      live && (
        <div className="plot-grid">
          <NormByLayer v={live} />
          <NormHeat v={live} />
          <ActivationPlot v={live} />
          <LossPlot v={live} />
        </div>
      ),
    [live],
  );

  return (
    <PanelLayout
      summary={summary(params, live?.runs.length ?? 1)}
      error={t.error}
      notes={live?.messages ?? []}
      player={<PlayerBar player={t.player} label={replaying ? 'replaying…' : undefined} />}
      readout={
        <div className="vg-readout">
          {settled ? (
            // Its own params: while other settings replay, the old numbers stay, marked busy, with their labels.
            <Readout busy={!t.reached || t.player.playing} title={`Readout at step ${settled.view.step}`} computing={pendingText(settled.params, params)} progress={replayProgress(t, params.step)} rows={readoutRows(settled.view, settled.params)} />
          ) : (
            <Readout busy title="Readout" rows={[{ label: 'Training step', value: t.error ? 'failed' : 'replaying…', testId: 'ro-step' }]} />
          )}
        </div>
      }
      controls={
        <>
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
        </>
      }
    >
      <ReplayFrame replaying={replaying && !t.error} unit="step" target={params.step} reached={t.progressed && live ? live.step : null}>
        {plots}
      </ReplayFrame>
    </PanelLayout>
  );
}
