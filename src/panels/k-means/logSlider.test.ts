/* The log slider's arithmetic (logSlider.ts): the values a key step sets, from the bottom to the
   top and back, with the range input's second event of a step changing nothing. */
import { describe, expect, it } from 'vitest';
import { LOG_STEP, logPosition, logSliderValue } from './logSlider';
import { schema } from './params';
import { N_UP } from './nSteps.fixture';

const { min, max } = schema.n;
/** One key step as the page takes it: the input moves a grid step from the position it shows for
 *  the value and fires its input event; the change event that follows reads the position the
 *  input shows for the value just set, which must change nothing. */
function press(value: number, dir: 1 | -1): number {
  const p = logPosition(value, min) + dir * LOG_STEP;
  if (p > Math.log10(max) + 1e-9 || p < Math.log10(min) - 1e-9) return value;
  const first = logSliderValue(value, 10 ** p, min) ?? value;
  expect(logSliderValue(first, 10 ** logPosition(first, min), min)).toBeNull();
  return first;
}

describe('the log slider', () => {
  it('steps up from the bottom to the top without sticking, and back down the same values', () => {
    const up = [2];
    for (let v = 2, i = 0; i < 60; i++) {
      const next = press(v, 1);
      if (next === v) break;
      up.push((v = next));
    }
    expect(up).toEqual(N_UP);
    const down = [N_UP.at(-1)!];
    for (let v = N_UP.at(-1)!, i = 0; i < 60; i++) {
      const next = press(v, -1);
      if (next === v) break;
      down.push((v = next));
    }
    expect(down).toEqual([...N_UP].reverse());
  });

  it('leaves the value as it is for the position it already shows (the second event of a step)', () => {
    expect(logSliderValue(1262, 10 ** logPosition(1262, min), min)).toBeNull();
    expect(logSliderValue(8, 10 ** logPosition(8, min), min)).toBeNull();
    // The default sits between two positions: a step goes to either neighbour.
    expect(press(1000, 1)).toBe(1262);
    expect(press(1000, -1)).toBe(796);
    // Where a tenth of a decade rounds back to the same integer, the step moves by one.
    expect(logSliderValue(3, 10 ** (logPosition(3, min) - LOG_STEP), min)).toBe(2);
  });
});
