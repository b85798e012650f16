/**
 * The hour case's extra: the 24 hours placed on a circle by (sin 2πh/24, cos 2πh/24), with 23:00,
 * 01:00 and 20:00 marked and joined, beside a table of raw and encoded distances.
 */
import { memo } from 'react';
import { Frame } from '../../lib/plot/Frame';
import { Scatter } from '../../lib/plot/Scatter';
import { Line } from '../../lib/plot/Line';
import { Marker } from '../../lib/plot/Marker';
import { Legend } from '../../lib/plot/Legend';
import { MUTED } from '../../lib/plot/colors';
import { fmt } from '../../lib/format/format';
import { cyclical } from '../../lib/learn/preprocessing';
import { hourDistance } from './model';
import { FIT, PATH } from './look';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const at = (h: number) => cyclical(h, 24);
const PAIRS: [number, number][] = [
  [23, 1],
  [23, 20],
  [0, 12],
];
const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

export const HourClock = memo(function HourClock() {
  const xs = HOURS.map((h) => at(h)[0]), ys = HOURS.map((h) => at(h)[1]);
  return (
    <div className="plot-grid">
      <Frame
        title="The hour as a point on a circle"
        xLabel="sin(2π·hour/24)"
        yLabel="cos(2π·hour/24)"
        xDomain={[-1.35, 1.35]}
        yDomain={[-1.35, 1.35]}
        equalAspect
        maxHeight={280}
        ariaLabel="The 24 hours placed on a circle by their sine and cosine; 23:00 lies next to 01:00"
        legend={<Legend items={[{ label: '23:00 to 01:00', color: FIT, kind: 'line' }, { label: '23:00 to 20:00', color: PATH, kind: 'line' }]} />}
        note="Midnight at the top, 06:00 at the right: 23:00 and 01:00 are neighbours."
      >
        <Scatter x={xs} y={ys} r={3} color={MUTED} opacity={0.8} />
        <Line x={[at(23)[0], at(1)[0]]} y={[at(23)[1], at(1)[1]]} color={FIT} width={2.5} />
        <Line x={[at(23)[0], at(20)[0]]} y={[at(23)[1], at(20)[1]]} color={PATH} width={2.5} />
        {[1, 6, 12, 18, 20, 23].map((h) => (
          <Marker key={h} x={at(h)[0]} y={at(h)[1]} size={7} color={h === 1 || h === 20 || h === 23 ? FIT : MUTED} label={hh(h)} />
        ))}
      </Frame>
      <div>
        <table className="fe-table" data-testid="fe-distances">
          <caption className="ctl-help">Distance between two hours</caption>
          <thead>
            <tr>
              <th scope="col">Hours</th>
              <th scope="col">raw |Δ hour|</th>
              <th scope="col">on the circle</th>
            </tr>
          </thead>
          <tbody>
            {PAIRS.map(([a, b]) => {
              const d = hourDistance(a, b);
              return (
                <tr key={`${a}-${b}`}>
                  <td>
                    {hh(a)} – {hh(b)}
                  </td>
                  <td>{d.raw}</td>
                  <td>{fmt(d.circle, 3)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="ctl-help">Raw hours put 23:00 far from 01:00 and near 20:00; on the circle it is the other way round.</p>
      </div>
    </div>
  );
});
