/**
 * Backends and failures: a panel keeps working without WebGL and after losing its WebGL context
 * mid-session, saying so in its badge; an error inside a panel is caught by its boundary and does
 * not affect the rest of the app (checked on the page without WebGL, to save a load). The
 * Content-Security-Policy checks moved into the generic spec's one-load tests (home and panels).
 */
import { expect, test } from '@playwright/test';
import { UNDER_TEST } from './registry';
import { openPanel, readoutChangedFrom, readoutText, waitReady, watchErrors } from './helpers';

const NO_WEBGL = () => {
  const orig = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
    if (/webgl/i.test(type)) return null;
    return (orig as (...a: unknown[]) => RenderingContext | null).call(this, type, ...rest);
  } as typeof orig;
};

async function firstSliderChanges(page: import('@playwright/test').Page) {
  const before = await readoutText(page);
  const s = page.locator('.workbench input[type="range"]').first();
  await s.focus();
  await s.press('ArrowRight');
  await s.press('ArrowRight');
  await readoutChangedFrom(page, before);
}

for (const entry of UNDER_TEST) {
  test.describe(`resilience ${entry.slug}`, () => {
    // One load for both: the boundary does not care which backend runs.
    test('works without WebGL (badge says which backend); an error inside the panel is contained and can be reset', async ({ page }) => {
      const errors = watchErrors(page);
      await page.addInitScript(NO_WEBGL);
      await openPanel(page, entry.slug);
      const badge = page.getByTestId('backend');
      if (await badge.count()) await expect(badge).toHaveAttribute('data-backend', /wasm|cpu/);
      await firstSliderChanges(page);
      expect(errors).toEqual([]);

      await page.evaluate((slug) => ((window as unknown as { __mlCrash?: string }).__mlCrash = slug), entry.slug);
      // Any re-render now throws inside the boundary: change a control to trigger one.
      await page.getByTestId('reset').click();
      await expect(page.getByTestId('panel-error')).toBeVisible();
      await expect(page.locator('h1')).toContainText(entry.title);
      await expect(page.getByRole('link', { name: 'All questions' })).toBeVisible();
      await page.evaluate(() => delete (window as unknown as { __mlCrash?: string }).__mlCrash);
      await page.getByTestId('panel-error-reset').click();
      await waitReady(page);
      await page.getByRole('link', { name: 'All questions' }).click();
      await expect(page.getByTestId('question-1')).toBeVisible();
    });

    test('survives losing the WebGL context mid-session', async ({ page }) => {
      const errors = watchErrors(page);
      await openPanel(page, entry.slug, 'backend=webgl');
      const badge = page.getByTestId('backend');
      test.skip((await badge.count()) === 0, 'panel does not use tfjs');
      // A panel whose tfjs runs only in its worker has no WebGL context on the page to lose (the
      // worker kit remakes its runs when a worker's context is lost; that is unit-tested there).
      test.skip((await page.locator('main').getAttribute('data-uses-tf')) === 'worker', 'tfjs runs in the worker');
      await expect(badge).toHaveAttribute('data-backend', 'webgl');
      await page.evaluate(() => (window as unknown as { __mlLoseWebGL?: () => void }).__mlLoseWebGL?.());
      await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', /wasm|cpu/);
      await expect(page.getByTestId('backend')).toContainText('lost');
      await waitReady(page);
      await firstSliderChanges(page);
      // WebGL itself logs the loss as a warning; anything else is a failure.
      expect(errors.filter((e) => !/CONTEXT_LOST|context lost/i.test(e))).toEqual([]);
    });
  });
}
