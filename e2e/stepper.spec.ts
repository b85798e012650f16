/**
 * The shared player (lib/panel/PlayerBar.tsx), the same in every iterating panel: step forward
 * and back, Home and the rewind button, play then pause, and the scrub slider. The readout's
 * `ro-step` row and the player's own count must agree with what was asked, and every move must
 * be in the address. Panels are found in e2e/registry.ts (`iterates`, read from the source; the
 * link that shows the player where the default one does not, e.g. attention's trained mode).
 */
import { expect, test, type Page } from '@playwright/test';
import { STEPPER_QUERY, UNDER_TEST } from './registry';
import { addressSettled, expectNoNaN, expectStep, openPanel, poll, readoutNumber, waitReady, watchErrors } from './helpers';

/** The step on screen: the readout row, which the player's own count must match. */
async function shownStep(page: Page): Promise<number> {
  const n = await readoutNumber(page, 'step');
  await expect(page.getByTestId('step-count')).toHaveText(String(n));
  return n;
}

/** Two animation frames, the player's clock: a paused player must not move across them. */
async function frames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

for (const entry of UNDER_TEST.filter((e) => e.iterates)) {
  test(`player: ${entry.slug} steps, steps back, rewinds, plays, pauses and scrubs`, async ({ page }) => {
    const errors = watchErrors(page);
    await openPanel(page, entry.slug, STEPPER_QUERY[entry.slug] ?? '');
    await expect(page.getByTestId('stepper')).toBeVisible();
    const scrub = page.getByTestId('scrub');
    const min = Number(await scrub.getAttribute('min'));
    const start = await shownStep(page);

    // Step: the readout advances and the link says so.
    let url = page.url();
    await page.getByTestId('step').click();
    await poll(() => readoutNumber(page, 'step'), { message: 'step advances' }).toBeGreaterThan(start);
    await poll(() => page.url(), { message: 'step rewrites the URL' }).not.toBe(url);
    await waitReady(page);
    const one = await shownStep(page);

    // Step back returns to where it was.
    url = page.url();
    await page.getByTestId('step-back').click();
    await expectStep(page, start);
    await poll(() => page.url(), { message: 'step back rewrites the URL' }).not.toBe(url);

    // Home (the keyboard shortcut, anywhere but in a field) rewinds to the first step; so does
    // the rewind button.
    await page.getByTestId('step').click();
    await expectStep(page, one);
    await page.locator('h1').click();
    await page.keyboard.press('Home');
    await expectStep(page, min);
    await page.getByTestId('step').click();
    await poll(() => readoutNumber(page, 'step')).toBeGreaterThan(min);
    await page.getByTestId('rewind').click();
    await expectStep(page, min);
    await waitReady(page);

    // Play advances by itself; pause stops it where it is.
    const play = page.getByTestId('play');
    await play.click();
    await expect(play).toHaveAttribute('aria-label', /^Pause/);
    await poll(() => readoutNumber(page, 'step'), { message: 'playing advances', timeout: 30_000 }).toBeGreaterThan(min);
    await play.click();
    await expect(play).toHaveAttribute('aria-label', /^Play/);
    await waitReady(page);
    const paused = await shownStep(page);
    // The link is written once the step has been still a moment: let the write the pause made
    // land, then hold it.
    await addressSettled(page);
    url = page.url();
    await frames(page);
    await waitReady(page);
    expect(await shownStep(page), 'a paused player stays put').toBe(paused);
    expect(page.url()).toBe(url);

    // The scrub slider seeks: three keyboard steps along it, and the readout shows the step the
    // slider settles on (the slider follows the step on screen, so read it once both agree).
    await scrub.focus();
    for (let k = 0; k < 3; k++) await scrub.press('ArrowRight');
    await waitReady(page);
    await poll(async () => (await readoutNumber(page, 'step')) - Number(await scrub.inputValue()), { message: 'the readout shows the scrubbed step' })
      .toBe(0);
    expect(await shownStep(page), 'scrubbing moves on from the paused step').toBeGreaterThan(paused);
    await expectNoNaN(page);
    expect(errors).toEqual([]);
  });
}
