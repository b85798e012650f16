/**
 * Bias-variance view: one training set and its fit; every resampled fit with their average and
 * the truth; the error decomposition against degree; training versus test error against degree.
 *
 * The pattern for a panel that computes a result per state (no player), off the main thread:
 * params from the store → useWorkerComputed(worker, 'biasVariance', params) (coalesced, errors
 * returned; compute.worker.ts runs model.ts there, tfjs too when engine=tf) → PanelLayout, which
 * draws the header strip, the error, the notes, the readout and the controls; the view itself
 * holds only plots. The page never loads tfjs: the badge shows the worker's backend.
 */
import { useMemo } from 'react';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { ParamControl } from '../../lib/controls/ParamControl';
import { SeedButton } from '../../lib/controls/SeedButton';
import { Readout } from '../../lib/controls/Readout';
import { fmt } from '../../lib/format/format';
import { useWorkerComputed } from '../../lib/worker/useWorkerComputed';
import { useAfterPaint, useDrawn } from '../../lib/panel/useAfterPaint';
import { changedSettings } from '../../lib/params/describe';
import { PanelLayout } from '../../lib/panel/PanelLayout';
import { Frame } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { Scatter } from '../../lib/plot/Scatter';
import { VLine } from '../../lib/plot/VLine';
import { Legend } from '../../lib/plot/Legend';
import { categorical, TEST, TRAIN, TRUTH } from '../../lib/plot/colors';
import { readout, type BiasVarianceResult } from './model';
import { MAX_DEGREE, type BiasVarianceParams } from './params';
import { store } from './store';
import { CsvInput } from '../../lib/data/CsvInput';
import { ownDataParam, resolveOwnData } from '../../lib/data/ownData';
import { OWN_KEY, OWN_REQUEST } from './own';
import { ownReadout } from './ownReadout';
import { computeWorker } from './worker';

const FIT_Y: [number, number] = [-2, 2];
const BIAS = categorical(0);
const VAR = categorical(1);
const NOISE = categorical(9);
const TOTAL = categorical(2);
const FIT = categorical(4);

function errorDomain(r: BiasVarianceResult): [number, number] {
  let lo = Infinity, hi = 0;
  for (const s of r.byDegree)
    for (const v of [s.bias2, s.variance, s.testMse, s.trainMse, s.expected, s.biasNoise ?? NaN]) {
      if (!Number.isFinite(v)) continue; // own data: bias², noise and their sum are unknown
      if (v > 1e-6) lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  if (!Number.isFinite(lo)) lo = 1e-4;
  // Above 100 the high-degree blow-up would squash everything interesting into the bottom.
  return [Math.max(lo * 0.7, 1e-6), Math.min(Math.max(hi * 1.4, lo * 10), 100)];
}

const FLOAT64_BADGE = <span className="badge">float64 JS</span>;

export function BiasVarianceView() {
  const live = usePanelParams(store);
  // The slider's frame shows only the setting; the worker's result and the plots follow after it is painted.
  const params = useAfterPaint(live);
  const { result: r, error, pending } = useWorkerComputed<BiasVarianceParams, BiasVarianceResult>(computeWorker, 'biasVariance', params);
  const drawn = useDrawn(params, !pending);
  const degrees = useMemo(() => Array.from({ length: MAX_DEGREE + 1 }, (_, i) => i), []);
  const liveOwn = useMemo(() => (live.data === 'csv' ? resolveOwnData(OWN_KEY, live.csv, 2).data : null), [live.data, live.csv]);
  const own = r?.own;

  // Memoised: the slider's own frame (issue 8) does not redraw the plots with the old numbers.
  const plots = useMemo(
    () => (
      <>
        {r && (
          <div className="plot-grid">
            <Frame
              title={own ? `Your training points (${r.n}) and the fit to them` : 'One training set and its fit'}
              xLabel="x"
              yLabel="y"
              xDomain={own?.xDomain ?? [-1, 1]}
              yDomain={own?.yDomain ?? FIT_Y}
              aspect={1.45}
              legend={
                <Legend
                  items={[
                    ...(own ? [{ color: TEST, label: `held-out test points (${own.test.x.length})`, kind: 'point' as const }] : [{ color: TRUTH, label: 'true function', kind: 'dashed' as const }]),
                    { color: TRAIN, label: 'training points', kind: 'point' },
                    { color: FIT, label: `degree-${r.degree} fit`, kind: 'line' },
                  ]}
                />
              }
            >
              {!own && <Line x={r.grid} y={r.truth} color={TRUTH} dash="5 4" width={1.5} />}
              <Line x={r.grid} y={r.trainFit} color={FIT} width={2.25} />
              <Scatter x={r.train.x} y={r.train.y} color={TRAIN} r={3.5} />
              {own && <Scatter x={own.test.x} y={own.test.y} color={TEST} r={3.5} />}
            </Frame>
            <Frame
              title={own ? `${r.sets} fits to resamples of your points, and their average` : `All ${r.sets} fits, their average and the truth`}
              xLabel="x"
              yLabel="y"
              xDomain={own?.xDomain ?? [-1, 1]}
              yDomain={own?.yDomain ?? FIT_Y}
              aspect={1.45}
              legend={<Legend items={[{ color: FIT, label: `fits (first ${r.fits.length})`, kind: 'line' }, { color: TOTAL, label: 'average fit', kind: 'line' }, ...(own ? [] : [{ color: TRUTH, label: 'true function', kind: 'dashed' as const }])]} />}
            >
              {r.fits.map((f, i) => (
                <Line key={i} x={r.grid} y={f} color={FIT} width={1} opacity={0.18} />
              ))}
              {!own && <Line x={r.grid} y={r.truth} color={TRUTH} dash="5 4" width={1.5} />}
              <Line x={r.grid} y={r.meanFit} color={TOTAL} width={2.5} />
            </Frame>
            {own ? (
              <Frame
                title="What can be measured without the true function"
                xLabel="polynomial degree"
                yLabel="error (log scale)"
                xDomain={[0, MAX_DEGREE]}
                yDomain={errorDomain(r)}
                yType="log"
                aspect={1.45}
                legend={<Legend items={[{ color: VAR, label: 'variance across resamples', kind: 'line' }, { color: BIAS, label: 'bias² + noise (not separable)', kind: 'line' }, { color: TEST, label: 'held-out test error', kind: 'point' }]} />}
              >
                <Line x={degrees} y={r.byDegree.map((s) => s.variance)} color={VAR} width={2} />
                <Line x={degrees} y={r.byDegree.map((s) => s.biasNoise ?? NaN)} color={BIAS} width={2} />
                <Scatter x={degrees} y={r.byDegree.map((s) => s.testMse)} color={TEST} r={3} />
                <VLine x={r.degree} label={`degree ${r.degree}`} />
              </Frame>
            ) : (
              <Frame
                title="Error decomposition against degree"
                xLabel="polynomial degree"
                yLabel="error (log scale)"
                xDomain={[0, MAX_DEGREE]}
                yDomain={errorDomain(r)}
                yType="log"
                aspect={1.45}
                legend={<Legend items={[{ color: BIAS, label: 'bias²', kind: 'line' }, { color: VAR, label: 'variance', kind: 'line' }, { color: NOISE, label: 'noise σ²', kind: 'dashed' }, { color: TOTAL, label: 'bias² + variance + noise', kind: 'line' }, { color: TEST, label: 'measured test error', kind: 'point' }]} />}
              >
                <Line x={degrees} y={r.byDegree.map((s) => s.bias2)} color={BIAS} width={2} />
                <Line x={degrees} y={r.byDegree.map((s) => s.variance)} color={VAR} width={2} />
                {r.current.noise > 0 && <Line x={degrees} y={r.byDegree.map((s) => s.noise)} color={NOISE} width={1.5} dash="4 3" />}
                <Line x={degrees} y={r.byDegree.map((s) => s.expected)} color={TOTAL} width={2.5} />
                <Scatter x={degrees} y={r.byDegree.map((s) => s.testMse)} color={TEST} r={3} />
                <VLine x={r.degree} label={`degree ${r.degree}`} />
              </Frame>
            )}
            <Frame
              title="Training versus test error"
              xLabel="polynomial degree"
              yLabel="mean squared error (log scale)"
              xDomain={[0, MAX_DEGREE]}
              yDomain={errorDomain(r)}
              yType="log"
              aspect={1.45}
              legend={<Legend items={[{ color: TRAIN, label: 'training error', kind: 'line' }, { color: TEST, label: 'test error', kind: 'line' }]} />}
            >
              <Line x={degrees} y={r.byDegree.map((s) => Math.max(s.trainMse, 1e-6))} color={TRAIN} width={2} />
              <Line x={degrees} y={r.byDegree.map((s) => s.testMse)} color={TEST} width={2} />
              <VLine x={r.degree} label={`degree ${r.degree}`} />
            </Frame>
          </div>
        )}
      </>
    ),
     
    [r, own, degrees],
  );

  return (
    <PanelLayout
      summary={
        own && r
          ? `${r.sets} bootstrap resamples of your ${r.n} training points, each fitted with a degree-${r.degree} polynomial; ${own.test.x.length} points held out.`
          : `${drawn.sets} training sets of ${drawn.n} points, each fitted with a degree-${drawn.degree} polynomial.`
      }
      badge={drawn.engine === 'tf' ? undefined : FLOAT64_BADGE}
      error={error}
      notes={r?.message ? [r.message] : []}
      notesKind="info"
      readout={
        r && (
          <Readout
            busy={pending || params !== live}
            computing={changedSettings(store.schema, drawn, live)}
            title={`Readout at degree ${r.degree}`}
            rows={[
              { label: 'Degree', value: r.degree, testId: 'ro-degree' },
              ...(own ? ownReadout(r, { BIAS, VAR, TEST, TRAIN, NOISE }) : readout(r).map((it) => ({
                label: it.label,
                value: fmt(it.value, 4),
                testId: `ro-${it.key}`,
                color: it.key === 'bias2' ? BIAS : it.key === 'variance' ? VAR : it.key === 'expected' ? TOTAL : it.key === 'testMse' ? TEST : it.key === 'trainMse' ? TRAIN : NOISE,
              }))),
              {
                label: own ? 'Resamples × points (held out)' : 'Training sets × points',
                value: own ? `${r.sets} × ${r.n} (${own.test.x.length})` : `${r.sets} × ${r.n}`,
                testId: 'ro-sets',
              },
              { label: 'Ridge λ', value: r.lambda > 0 ? fmt(r.lambda, 3) : 'off', testId: 'ro-lambda' },
              { label: 'Solver', value: r.engine === 'tfjs' ? 'float32 tfjs' : 'float64 JS', testId: 'ro-solver' },
            ]}
          />
        )
      }
      controls={
        <>
          <ParamControl store={store} name="degree" />
          <ParamControl store={store} name="data" />
          {live.data !== 'csv' && <ParamControl store={store} name="fn" />}
          {live.data !== 'csv' && <ParamControl store={store} name="noise" />}
          {live.data !== 'csv' && <ParamControl store={store} name="n" />}
          <ParamControl store={store} name="sets" />
          <ParamControl store={store} name="useRidge" />
          {live.useRidge && <ParamControl store={store} name="lambda" />}
          {live.data !== 'csv' && <ParamControl store={store} name="design" />}
          <ParamControl store={store} name="engine" />
          <SeedButton seed={live.seed} onChange={(s) => store.getState().set('seed', s)} />
          {live.data === 'csv' && (
            <CsvInput
              request={OWN_REQUEST}
              help="Each row is a point: columns x and y (or the first two columns). At least 8 rows; a quarter is held out."
              current={liveOwn}
              onLoad={(d) => store.getState().setMany({ data: 'csv', csv: ownDataParam(OWN_KEY, d.columns) })}
              onBack={() => store.getState().setMany({ data: 'generated', csv: '' })}
            />
          )}
        </>
      }
    >
      {plots}
    </PanelLayout>
  );
}
