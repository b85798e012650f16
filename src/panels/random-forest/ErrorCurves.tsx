/**
 * Test error and out-of-bag error of the first t trees, t = 1 … T, with the average single
 * tree's test error for scale: the forest's error falls below it and flattens; adding trees
 * does not overfit, it only stops helping.
 */
import { memo } from 'react';
import { Frame } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { HLine } from '../../lib/plot/HLine';
import { Legend } from '../../lib/plot/Legend';
import type { Scores } from './model';
import { OOB, rate, sameScores, SINGLE, TEST_COLOR } from './look';

function series(v: Float64Array): [number, number][] {
  const out: [number, number][] = [];
  for (let t = 0; t < v.length; t++) if (Number.isFinite(v[t])) out.push([t + 1, v[t]]);
  return out;
}

interface ErrorCurvesProps {
  s: Scores;
  /** Names the scores: the forest's key and tree count (see sameScores). */
  scoresKey: string;
}

export const ErrorCurves = memo(function ErrorCurves({ s }: ErrorCurvesProps) {
  const T = s.testError.length;
  const test = series(s.testError), oob = series(s.oobError);
  let single = 0;
  for (const e of s.treeErrors) single += e / T;
  let top = single;
  for (const [, e] of [...test, ...oob]) top = Math.max(top, e);
  const noOob = oob.length === 0;
  return (
    <Frame
      title="Error against the number of trees"
      xLabel="trees in the forest"
      yLabel="error rate"
      xDomain={[1, Math.max(2, T)]}
      yDomain={[0, Math.min(1, Math.max(0.05, top * 1.1))]}
      aspect={1.6}
      grid="y"
      legend={
        <Legend
          items={[
            { label: `test error (${rate(s.testError[T - 1])})`, color: TEST_COLOR, kind: 'line' },
            { label: noOob ? 'out-of-bag error: none (no point left out)' : `out-of-bag error (${rate(s.oobError[T - 1])})`, color: OOB, kind: 'line' },
            { label: `one tree alone, on average (${rate(single)})`, color: SINGLE, kind: 'dashed' },
          ]}
        />
      }
      note={noOob ? 'Without bootstrap every tree saw every point: there is no out-of-bag estimate.' : 'OOB: each training point scored only by the trees that did not train on it (for few trees, only over the points some tree left out).'}
    >
      <HLine y={single} color={SINGLE} />
      {oob.length > 0 && <Line points={oob} color={OOB} width={2} />}
      <Line points={test} color={TEST_COLOR} width={2} />
    </Frame>
  );
}, sameScores);
