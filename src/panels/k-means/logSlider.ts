/**
 * The points and batch sliders (LogIntSlider): a range input over log10 of an integer, in steps of
 * a tenth of a decade from log10(min), so its positions are log10(min) + 0.1·j and the input keeps
 * its value on that grid. Pure: no React, no DOM.
 */

/** Step of the range input, in decades. */
export const LOG_STEP = 0.1;

/** The grid position the range input shows for `value` (the nearest one to log10(value)). */
export function logPosition(value: number, min: number, step = LOG_STEP): number {
  const lo = Math.log10(min);
  return lo + Math.round((Math.log10(value) - lo) / step) * step;
}

/**
 * The integer the input's new position sets (`v` = 10^position, as the Slider passes it), or null
 * when that is the position `value` already shows. A key step fires the input's `input` and
 * `change` events one after the other, and the second one (after the first has set the value) must
 * change nothing: before this check it moved the value by one again (1262 → 1261 on every step up,
 * and stuck at n = 7 stepping up from the bottom).
 */
export function logSliderValue(value: number, v: number, min: number, step = LOG_STEP): number | null {
  const pos = Math.log10(v), at = logPosition(value, min, step);
  if (Math.abs(pos - at) < step / 2) return null;
  const next = Math.round(v);
  // Near the bottom a tenth of a decade can round back to the same integer: move by one.
  return next === value ? value + Math.sign(pos - at) : next;
}
