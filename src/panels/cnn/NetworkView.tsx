/**
 * Network mode: a small CNN learns the generated digits in the panel's worker. Untrained until
 * the learner presses Train (a link with train=1 trains on open, with the progress shown); then
 * the learning curve, the probabilities for the input image, every layer's feature maps and the
 * learned first-layer kernels, all moving while it trains. The measured speed says how long a
 * retrain takes here.
 */
import { useMemo, type ReactNode } from 'react';
import { ParamControl } from '../../lib/controls/ParamControl';
import { Readout } from '../../lib/controls/Readout';
import { SeedButton } from '../../lib/controls/SeedButton';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { PanelLayout } from '../../lib/panel/PanelLayout';
import { useAfterPaint, useDrawn } from '../../lib/panel/useAfterPaint';
import { changedSettings } from '../../lib/params/describe';
import { useSize } from '../../lib/plot/useSize';
import { SIZE } from './modelDigits';
import { inkPalette } from './look';
import { PixelCanvas } from './PixelCanvas';
import { InputPicker } from './InputPicker';
import { ProbBars } from './ProbBars';
import { TrainCurve } from './TrainCurve';
import { FeatureMaps, FirstKernels } from './FeatureMaps';
import { TrainBar } from './TrainBar';
import { networkRows, trainingNote } from './readout';
import { store } from './store';
import { useDrawing, useInputImage } from './useInputImage';
import { useNetworkRun } from './useNetworkRun';
import { FigureMenu } from '../../lib/export/FigureMenu';

export function NetworkView({ modeSwitch }: { modeSwitch: ReactNode }) {
  const live = usePanelParams(store);
  const params = useAfterPaint(live);
  const image = useInputImage(params);
  const draw = useDrawing(image);
  const net = useNetworkRun(params, image.pixels);
  const v = net.view;
  const drawn = useDrawn(params, net.current);
  const { ref: sizeRef, width } = useSize<HTMLDivElement>(700);
  const scale = width < 520 ? 0.75 : 1;
  const horizon = live.train ? live.steps : Math.max(live.steps, v?.step ?? 0);

  const plots = useMemo(
    () =>
      v && (
        <>
          <div className="cnn-net-top">
            <ProbBars probs={v.inspect.probs} />
            <TrainCurve history={v.history} horizon={horizon} />
          </div>
          <FeatureMaps inspect={v.inspect} scale={scale} />
          <FirstKernels kernels={v.kernels} />
        </>
      ),
    [v, horizon, scale],
  );

  return (
    <PanelLayout
      summary={<>{modeSwitch}<span>A CNN ({live.f1} then {live.f2} filters of 3×3, each followed by 2×2 max-pooling, then a dense layer) learns digits drawn by the app.</span></>}
      error={net.error}
      notes={[image.problem && `The link’s drawing was repaired: ${image.problem}.`, v && trainingNote(v, drawn.lr)]}
      notesKind="info"
      player={<TrainBar params={live} view={v} training={net.training} />}
      readout={
        v ? (
          <Readout busy={!net.current || params !== live} computing={changedSettings(store.schema, drawn, live)} title={`Readout at step ${v.step}`} rows={networkRows(drawn, v)} />
        ) : (
          <Readout busy={!net.error} title="Readout" rows={[{ label: 'Training step', value: net.error ? 'failed' : 'starting…', testId: 'ro-step' }]} />
        )
      }
      controls={
        <>
          <ParamControl store={store} name="f1" />
          <ParamControl store={store} name="f2" />
          <ParamControl store={store} name="lr" />
          <ParamControl store={store} name="steps" />
          <SeedButton seed={live.seed} max={store.schema.seed.max} onChange={(s) => store.getState().set('seed', s)} />
        </>
      }
    >
      <div className="cnn-net" ref={sizeRef}>
        <div className="cnn-net-input">
          <figure className="cnn-fig">
            <figcaption className="cnn-fig-title">Input {SIZE}×{SIZE}: draw here</figcaption>
            <PixelCanvas values={image.pixels} h={SIZE} w={SIZE} cell={width < 520 ? 10 : 12} palette={inkPalette} onStroke={draw} testId="input-canvas"
              label={`Input image, ${image.name}`} />
            <FigureMenu plotTitle="Input image" placement="below" />
          </figure>
          <InputPicker params={live} image={image} />
        </div>
        {v ? plots : !net.error && <p className="cnn-waiting" role="status">Starting the network in a background worker…</p>}
      </div>
    </PanelLayout>
  );
}
