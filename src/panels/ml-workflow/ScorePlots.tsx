/**
 * The bar and line charts of steps 2–6: the split by class, accuracies side by side (baselines,
 * models, the journey so far) and the tuning curve.
 */
import { memo } from 'react';
import { Frame } from '../../lib/plot/Frame';
import { Bars } from '../../lib/plot/Bars';
import { Line } from '../../lib/plot/Line';
import { Legend } from '../../lib/plot/Legend';
import { Scatter } from '../../lib/plot/Scatter';
import { HLine } from '../../lib/plot/HLine';
import { categoryAxis } from '../../lib/plot/scales';
import { ACCENT, MUTED, TEST } from '../../lib/plot/colors';

// Training accuracy in grey: in both themes it must stand apart from the validation line (the accent).
const TRAINING = MUTED;
import type { WfHead } from './head';
import type { WfResult } from './model';
import { hyperText } from './look';

const pctTick = (v: number) => `${Math.round(100 * v)} %`;
const pctLabel = (v: number) => `${(100 * v).toFixed(1)}`;

export const SplitPlot = memo(function SplitPlot({ r }: { r: WfHead }) {
  const axis = categoryAxis(r.classes);
  const values = r.classes.map((_, k) => [r.train.perClass[k], r.test.perClass[k]]);
  return (
    <Frame
      title={`Stratified split: ${r.train.n} training birds, ${r.test.n} test birds`}
      xLabel={r.input.target}
      yLabel="birds"
      xDomain={axis.domain}
      yDomain={[0, Math.max(1, ...values.flat()) * 1.15]}
      xTicks={axis.ticks}
      xTickFormat={axis.format}
      grid="y"
      aspect={1.8}
      legend={<Legend items={[{ label: 'training part', color: ACCENT }, { label: 'test set (locked)', color: TEST }]} />}
      note="Each class keeps its share on both sides. The test rows are set aside here and not scored again until step 7."
    >
      <Bars values={values} colors={[ACCENT, TEST]} labels format={String} />
    </Frame>
  );
});

/** Accuracies as bars, with an optional second series (training accuracy) and the baseline as a line. */
export const AccuracyBars = memo(function AccuracyBars({
  title, labels, values, train, baseline, note, testId,
}: { title: string; labels: string[]; values: number[]; train?: number[]; baseline?: number; note: string; testId: string }) {
  const axis = categoryAxis(labels);
  const series = train ? values.map((v, i) => [train[i], v]) : values;
  return (
    <div data-testid={testId}>
      <Frame
        title={title}
        xLabel="pipeline"
        yLabel="accuracy"
        xDomain={axis.domain}
        yDomain={[0, 1.08]}
        xTicks={axis.ticks}
        xTickFormat={axis.format}
        yTickFormat={pctTick}
        grid="y"
        aspect={1.9}
        legend={
          <Legend
            items={[
              ...(train ? [{ label: 'training folds', color: TRAINING }] : []),
              { label: 'validation folds (mean)', color: ACCENT },
              ...(baseline !== undefined ? [{ label: 'majority-class baseline', color: MUTED, kind: 'dashed' as const }] : []),
            ]}
          />
        }
        note={note}
      >
        <Bars values={series} colors={train ? [TRAINING, ACCENT] : ACCENT} labels format={pctLabel} />
        {baseline !== undefined && <HLine y={baseline} color={MUTED} />}
      </Frame>
    </div>
  );
});

export const TunePlot = memo(function TunePlot({ r }: { r: WfResult }) {
  const t = r.tune;
  const axis = categoryAxis(t.grid.map(hyperText));
  const xs = t.grid.map((_, i) => i);
  const cv = t.cv.map((s) => s.mean);
  const lo = Math.min(r.baseline.majorityCv, ...cv, ...(t.testAcc ?? []), ...t.cv.map((s) => s.mean - s.sd));
  return (
    <div data-testid="wf-tune">
      <Frame
        title={`Tuning ${t.name}: ${r.input.folds}-fold cross-validation on the training part`}
        xLabel={`${t.name}, simplest model on the left`}
        yLabel="accuracy"
        xDomain={axis.domain}
        yDomain={[Math.max(0, lo - 0.05), 1.02]}
        xTicks={axis.ticks}
        xTickFormat={axis.format}
        yTickFormat={pctTick}
        aspect={1.9}
        legend={
          <Legend
            items={[
              { label: 'training folds', color: TRAINING, kind: 'line' },
              { label: 'validation folds (mean ± sd)', color: ACCENT, kind: 'line' },
              ...(t.testAcc ? [{ label: 'test set (peeking)', color: TEST, kind: 'dashed' as const }] : []),
            ]}
          />
        }
        note={`Picked: ${t.name} = ${hyperText(t.grid[t.picked])}, the best ${t.by === 'cv' ? 'validation' : 'TEST'} score (ties go to the simpler model).`}
      >
        {t.cv.map((s, i) => (
          <Line key={i} points={[[i, s.mean - s.sd], [i, s.mean + s.sd]] as [number, number][]} color={ACCENT} width={1} opacity={0.6} />
        ))}
        <Line x={xs} y={t.cv.map((s) => s.train)} color={TRAINING} />
        <Line x={xs} y={cv} color={ACCENT} width={2} />
        {t.testAcc && <Line x={xs} y={t.testAcc} color={TEST} dash="5 3" />}
        <Scatter x={[t.picked]} y={[t.testAcc ? t.testAcc[t.picked] : cv[t.picked]]} color={t.testAcc ? TEST : ACCENT} r={6} />
      </Frame>
    </div>
  );
});

export function journeyOf(r: WfResult, withTest: boolean): { labels: string[]; values: number[] } {
  const labels = r.journey.map((j) => j.label);
  const values = r.journey.map((j) => j.acc);
  if (withTest) {
    labels.push('test set');
    values.push(r.final.testAcc);
  }
  return { labels, values };
}

