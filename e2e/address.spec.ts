/**
 * The address and the store under a quick second click. The store → address write waits for an
 * idle moment; a link clicked while it waits changes the address before the page has loaded the
 * link into the store. If the write then ran, it put the previous state over the link and the
 * click was lost (the interview show-me tests failed this way about one time in three). Here the
 * page's idle callbacks are held back and run right after the link's pushState, before the router
 * tells the page: the worst interleaving, every time.
 */
import { expect, test } from '@playwright/test';
import { openPanel, poll, readoutText, waitReady, watchErrors } from './helpers';

test('a link clicked while an address write is pending wins over the write', async ({ page }) => {
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    const held: IdleRequestCallback[] = [];
    const w = window as unknown as { __heldIdle: number; __holdIdle: boolean };
    w.__heldIdle = 0;
    w.__holdIdle = false;
    const idle = window.requestIdleCallback.bind(window);
    window.requestIdleCallback = (fn: IdleRequestCallback, o?: IdleRequestOptions) => {
      if (!w.__holdIdle) return idle(fn, o);
      held.push(fn);
      w.__heldIdle = held.length;
      return held.length;
    };
    const push = History.prototype.pushState;
    History.prototype.pushState = function (this: History, ...args: Parameters<History['pushState']>) {
      push.apply(this, args);
      // The address is the link's now; the router has not told the page yet.
      for (const fn of held.splice(0)) fn({ didTimeout: true, timeRemaining: () => 0 });
    };
  });
  const slug = 'precision-recall';
  await openPanel(page, slug);
  // From here on (the page has settled: its formulas are typeset, which also waits for idle).
  await page.evaluate(() => ((window as unknown as { __holdIdle: boolean }).__holdIdle = true));
  const slider = page.locator('.workbench input[type="range"]').first();
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  // The write for that press is queued (after its first wait), held until the next pushState.
  await poll(() => page.evaluate(() => (window as unknown as { __heldIdle: number }).__heldIdle)).toBeGreaterThan(0);
  const moved = new URL(page.url()).search;
  const link = page.getByTestId('experiment-1');
  const href = (await link.getAttribute('href'))!;
  const want = new URL(href, page.url()).searchParams;
  await link.click();
  await waitReady(page);
  // The link's settings are in the address (the page may add the session's own keys) and stay.
  await poll(() => {
    const now = new URL(page.url()).searchParams;
    return [...want.entries()].filter(([k, v]) => now.get(k) !== v).map(([k]) => k);
  }).toEqual([]);
  expect(new URL(page.url()).search).not.toBe(moved);
  // And the page shows the link's state: a fresh load of the same address reads the same.
  const readout = await readoutText(page);
  await openPanel(page, slug, new URL(page.url()).search.slice(1));
  expect(await readoutText(page)).toBe(readout);
  expect(errors).toEqual([]);
});
