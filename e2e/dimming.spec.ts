/**
 * Results being recomputed dim only once the wait is long (lib/controls/Dimmable): no fade starts
 * within DIM_AFTER_MS of a key press. With the delay in CSS (transition-delay) a transition
 * started on every press; cancelled when the result came, it still woke Chromium's animation
 * timeline about 100 ms later for a frame with nothing to draw, and the next press then waited for
 * a vsync tick: up to 16.7 ms more input→paint (issue 8, bench/results/stop36/README.md).
 */
import { expect, test } from '@playwright/test';
import { openPanel, watchErrors } from './helpers';

/** lib/controls/Dimmable DIM_AFTER_MS, less a margin: a timer never fires early. */
const NOT_BEFORE_MS = 100;

test('a key press starts no fade before the result has been awaited for a while', async ({ page }) => {
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    const w = window as unknown as { __lastKey: number; __fades: number[] };
    w.__lastKey = -Infinity;
    w.__fades = [];
    document.addEventListener('keydown', (e) => (w.__lastKey = e.timeStamp), true);
    // Fired when a transition is created, delay or not: the frame-clock cost comes from creating it.
    document.addEventListener('transitionrun', (e) => e.propertyName === 'opacity' && w.__fades.push(e.timeStamp - w.__lastKey), true);
  });
  // Panels whose plots dim while the worker computes; every press here comes back within a few frames.
  for (const slug of ['deployment', 'ml-workflow', 'missing-data']) {
    await openPanel(page, slug);
    const slider = page.locator('[data-testid="controls"] input[type="range"]').first();
    await slider.focus();
    for (let k = 0; k < 6; k++) {
      const before = await slider.inputValue();
      await page.keyboard.press(k < 3 ? 'ArrowRight' : 'ArrowLeft');
      await expect(slider).not.toHaveValue(before);
      await expect(page.getByTestId('readout')).toHaveAttribute('data-busy', 'false');
    }
  }
  const fades = await page.evaluate(() => (window as unknown as { __fades: number[] }).__fades);
  expect(fades.filter((ms) => ms < NOT_BEFORE_MS), `fades started this soon after a press (ms): ${fades.join(', ')}`).toEqual([]);
  expect(errors).toEqual([]);
});
