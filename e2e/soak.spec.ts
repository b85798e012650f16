/**
 * Soak: long sessions must not leak. Per panel: SOAK_CHANGES control changes (30 in `npm test`,
 * 1,000 in `npm run test:long`), then (where the panel plays or trains) SOAK_PLAY_S seconds of
 * play (3 in `npm test`, 120 in `npm run test:long`).
 * Afterwards, back at the default state: the live tensor count equals its value at load, and the
 * JS heap (after a forced GC) is within the stated margin of its value at load. Leaving the panel
 * stops all work: no animation frames or timers keep firing.
 */
import { expect, test, type Page } from '@playwright/test';
// @ts-expect-error plain ESM helper without types
import { CHROMIUM_ARGS, findChromium } from '../scripts/browser.mjs';
import { createRng } from '../src/lib/random/rng';
import { UNDER_TEST } from './registry';
import { liveTensors, openPanel, poll, waitReady, watchErrors } from './helpers';

// 30 changes and 3 s of play in `npm test` (CI time on 2 cores: every check below still runs,
// on a shorter session; the generic spec adds 200 steps of one slider with a tensor count);
// `npm run test:long` makes the full 1,000 and 2 minutes.
const CHANGES = Number(process.env.SOAK_CHANGES ?? 30);
const PLAY_S = Number(process.env.SOAK_PLAY_S ?? 3);
/** Heap may grow by at most this much over a soak (caches of computed results are bounded). */
const HEAP_MARGIN_MB = 15;

test.use({ launchOptions: { executablePath: findChromium() ?? undefined, args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'] } });

// Counts animation frames and timer callbacks that actually run, so a test can tell whether
// anything still ticks after the learner has left a panel.
const COUNT_TICKS = () => {
  const w = window as unknown as { __ticks: number };
  w.__ticks = 0;
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => (w.__ticks++, cb(t)));
  const si = window.setInterval.bind(window);
  window.setInterval = ((cb: () => void, ms?: number, ...a: unknown[]) => si(() => (w.__ticks++, cb()), ms, ...a)) as typeof setInterval;
};

/** Marks one enabled, visible control of the workbench, picked by `r` in [0, 1), with
 *  data-soak, and returns its kind ('range', 'checkbox', 'select'; null when there is none). */
const PICK_CONTROL = (r: number): string | null => {
  document.querySelector('[data-soak]')?.removeAttribute('data-soak');
  const all = [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('.workbench input[type="range"], .workbench select, .workbench input[type="checkbox"]')];
  const live = all.filter((el) => !el.disabled && el.getClientRects().length > 0);
  const c = live[Math.floor(r * live.length)];
  if (!c) return null;
  c.setAttribute('data-soak', '');
  return c instanceof HTMLSelectElement ? 'select' : c.type;
};

/** Waits for the panel to finish, patiently: random changes reach the heaviest settings (the
 *  longest training, the most resampled sets), which may take longer than one expect timeout. */
async function settle(page: Page): Promise<void> {
  await expect(page.getByTestId('readout')).toHaveAttribute('data-busy', 'false', { timeout: 90_000 });
  await waitReady(page);
}

async function heapMB(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const g = (globalThis as unknown as { gc?: () => void }).gc;
    for (let i = 0; i < 3; i++) {
      g?.();
      await new Promise((r) => setTimeout(r, 50));
    }
    return ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 2 ** 20;
  });
}

for (const entry of UNDER_TEST) {
  test(`soak: ${entry.slug} (${CHANGES} changes, ${PLAY_S} s play)`, async ({ page }) => {
    // Generous: random changes reach the heaviest settings (e.g. 300 resampled sets of 200 points
    // on the float32 tfjs solver), and each of those recomputes for real.
    test.setTimeout(120_000 + CHANGES * 1500 + PLAY_S * 1500);
    const errors = watchErrors(page);
    await page.addInitScript(COUNT_TICKS);
    await openPanel(page, entry.slug);
    const tensors0 = await liveTensors(page);
    const heap0 = await heapMB(page);

    // Steps, so the report shows where the time goes.
    await test.step(`${CHANGES} random control changes`, async () => {
      const rng = createRng(entry.number);
      for (let i = 0; i < CHANGES; i++) {
        // One round trip picks an enabled, visible control at random and marks it; a second
        // changes it the way a learner would (keys on a slider, a click on a box, a choice).
        const kind = await page.evaluate(PICK_CONTROL, rng.next());
        const c = page.locator('[data-soak]');
        if (kind === 'select') await c.selectOption({ index: rng.int(await c.locator('option').count()) });
        else if (kind === 'checkbox') await c.click();
        else if (kind === 'range') await c.press(['ArrowRight', 'ArrowLeft', 'PageUp', 'PageDown', 'Home', 'End'][rng.int(6)]);
        if (i % 25 === 24) await settle(page); // let heavy settings finish now and then
      }
      await settle(page);
    });

    const play = page.getByTestId('play');
    if (PLAY_S > 0 && (await play.count())) {
      await test.step(`${PLAY_S} s of play`, async () => {
        await play.first().click();
        // Play runs for the stated time (the soak is a duration, not a wait for something).
        await page.waitForTimeout(PLAY_S * 1000);
        if ((await play.first().getAttribute('aria-label'))?.startsWith('Pause')) await play.first().click();
      });
    }

    await test.step('reset: live tensors and heap back at their load values', async () => {
      await page.getByTestId('reset').click();
      await waitReady(page);
      // Runs released on reset are disposed as they finish: wait for the count, not a time.
      // A panel that starts tfjs only for some settings has none at load (null): then none may
      // be left alive after the soak either.
      await poll(async () => (await liveTensors(page)) ?? 0, { message: 'live tensors back at the default state' }).toBe(tensors0 ?? 0);
      const heap1 = await heapMB(page);
      console.log(`${entry.slug}: heap ${heap0.toFixed(1)} MB at load, ${heap1.toFixed(1)} MB after soak`);
      expect(heap1, `heap after soak (was ${heap0.toFixed(1)} MB)`).toBeLessThan(heap0 + HEAP_MARGIN_MB);
    });

    await test.step('leave the panel: nothing keeps ticking', async () => {
      await page.getByRole('link', { name: 'All questions' }).click();
      await expect(page.getByTestId('question-1')).toBeVisible();
      await page.waitForTimeout(300);
      const t0 = await page.evaluate(() => (window as unknown as { __ticks: number }).__ticks);
      await page.waitForTimeout(1000);
      const t1 = await page.evaluate(() => (window as unknown as { __ticks: number }).__ticks);
      expect(t1 - t0, 'animation frames or interval ticks after leaving the panel').toBe(0);
    });
    expect(errors).toEqual([]);
  });
}
