/** Training error and expected test error against λ (both log scale), with the best λ marked. */
import { useMemo } from 'react';
import { Frame } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { HLine } from '../../lib/plot/HLine';
import { VLine } from '../../lib/plot/VLine';
import { Marker } from '../../lib/plot/Marker';
import { Legend } from '../../lib/plot/Legend';
import { fmt } from '../../lib/format/format';
import { MUTED, TEST, TRAIN } from '../../lib/plot/colors';
import type { RegResult } from './compute';
import { LAMBDA_MAX, LAMBDA_MIN } from './params';

/** 1-2-5 ticks inside [lo, hi] for a log axis spanning only a decade or two (finer when too few). */
export function logTicks125(lo: number, hi: number): number[] {
  const pick = (ms: number[]) => {
    const out: number[] = [];
    for (let k = Math.floor(Math.log10(lo)); k <= Math.ceil(Math.log10(hi)); k++)
      for (const m of ms) {
        const v = Number(`${m}e${k}`);
        if (v >= lo && v <= hi) out.push(v);
      }
    return out;
  };
  const coarse = pick([1, 2, 5]);
  if (coarse.length > 8) return pick([1]);
  return coarse.length >= 3 ? coarse : pick([1, 1.5, 2, 3, 4, 5, 6, 8]);
}

export function ErrorPlot({ r }: { r: RegResult }) {
  const { path, at } = r;
  const sigma2 = path.problem.sigma ** 2;
  const yDomain = useMemo((): [number, number] => {
    let hi = 0;
    let lo = Infinity;
    for (const v of [...path.train, ...path.test, sigma2]) {
      if (Number.isFinite(v)) hi = Math.max(hi, v);
      if (v > 0) lo = Math.min(lo, v);
    }
    hi = Math.max(hi, 1e-6);
    // A training error of ~0 (an interpolating fit) would stretch the axis over many decades.
    lo = Math.max(Number.isFinite(lo) ? lo : hi / 10, hi * 1e-3);
    return [lo / 1.3, hi * 1.3];
  }, [path, sigma2]);
  const floor = yDomain[0] * 1.0001;
  const train = useMemo(() => path.train.map((v) => Math.max(v, floor)), [path, floor]);
  const clamped = path.train[0] < floor;
  return (
    <Frame
      title="Training and test error against λ"
      xLabel="λ (log scale)"
      yLabel="mean squared error (log)"
      xDomain={[LAMBDA_MIN, LAMBDA_MAX]}
      xType="log"
      yDomain={yDomain}
      yType="log"
      yTicks={logTicks125(yDomain[0], yDomain[1])}
      aspect={1.35}
      legend={
        <Legend
          items={[
            { color: TRAIN, label: 'training error', kind: 'line' },
            { color: TEST, label: 'expected test error', kind: 'line' },
            ...(sigma2 > 0 ? [{ color: MUTED, label: 'noise σ² (best possible)', kind: 'dashed' as const }] : []),
          ]}
        />
      }
      note={`Test error is exact: the expected error on fresh data from the same distribution. ★ lowest test error on the path, at λ = ${fmt(path.best.lambda)}.${
        clamped ? ' Training error below the axis (≈ 0: the fit goes through the points) is drawn on it.' : ''
      }`}
    >
      {sigma2 > 0 && <HLine y={sigma2} />}
      <Line x={path.lambdas} y={train} color={TRAIN} width={2} />
      <Line x={path.lambdas} y={path.test} color={TEST} width={2.25} />
      <VLine x={at.lambda} label={`λ = ${fmt(at.lambda)}`} />
      <Marker x={path.best.lambda} y={path.best.test} shape="star" size={14} color={TEST} stroke="var(--fg)" strokeWidth={1} />
      <Marker x={at.lambda} y={Math.max(at.train, floor)} size={8} color={TRAIN} />
      <Marker x={at.lambda} y={at.test} size={8} color={TEST} />
    </Frame>
  );
}
