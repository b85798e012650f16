/**
 * Backends and failures: a panel keeps working without WebGL and after losing its WebGL context
 * mid-session, saying so in its badge; an error inside a panel is caught by its boundary and does
 * not affect the rest of the app (checked on the page without WebGL, to save a load). The
 * Content-Security-Policy checks moved into the generic spec's one-load tests (home and panels).
 * Both backend tests open a panel on its tfjs link (registry.ts TF_QUERY) where the default one
 * computes without tfjs, and reach tfjs wherever it runs: on the page and in the panel's workers.
 */
import { expect, test, type Page, type Route } from '@playwright/test';
import { TF_QUERY, UNDER_TEST } from './registry';
import { openPanel, readoutChangedFrom, readoutText, waitReady, watchErrors } from './helpers';

/** No WebGL on the page's canvases nor on a worker's OffscreenCanvas (the worker gets this
 *  prepended to its script, below). A plain function: it is sent as source text. */
function noWebGL(): void {
  for (const C of [globalThis.HTMLCanvasElement, globalThis.OffscreenCanvas]) {
    if (!C) continue;
    const orig = C.prototype.getContext as (...a: unknown[]) => unknown;
    (C.prototype as unknown as { getContext: unknown }).getContext = function (this: unknown, type: string, ...rest: unknown[]) {
      return /webgl/i.test(type) ? null : orig.call(this, type, ...rest);
    };
  }
}

/** Workers get no init script: prepend noWebGL to every worker script the page loads. */
async function noWebGLInWorkers(page: Page): Promise<void> {
  await page.route(/\.worker[-.][\w-]*\.js(\?.*)?$/, async (route: Route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, body: `(${noWebGL.toString()})();\n${await res.text()}` });
  });
}

/** Loses the WebGL context of tfjs on the page (its own hook, lib/tf/backend.ts) and in every
 *  worker (through tfjs's global engine: workers have no hook). Returns how many it lost. */
async function loseWebGL(page: Page): Promise<number> {
  const inWorker = () => {
    type Engine = { backendInstance?: { gpgpu?: { gl?: WebGL2RenderingContext } } };
    const gl = (globalThis as unknown as { _tfengine?: Engine })._tfengine?.backendInstance?.gpgpu?.gl;
    const ext = gl?.getExtension('WEBGL_lose_context');
    ext?.loseContext();
    return ext ? 1 : 0;
  };
  let lost = await page.evaluate(() => {
    const lose = (window as unknown as { __mlLoseWebGL?: () => void }).__mlLoseWebGL;
    lose?.();
    return lose ? 1 : 0;
  });
  for (const w of page.workers()) lost += await w.evaluate(inWorker);
  return lost;
}

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
      await page.addInitScript(noWebGL);
      await noWebGLInWorkers(page);
      await openPanel(page, entry.slug, TF_QUERY[entry.slug] ?? '');
      const badge = page.getByTestId('backend');
      if ((await page.locator('main').getAttribute('data-uses-tf')) === 'false') await expect(badge).toHaveCount(0);
      else {
        await expect(badge).toHaveAttribute('data-backend', /wasm|cpu/);
        await expect(badge).toContainText('no WebGL');
      }
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
      // Known from panel.ts without a page load; a panel whose use depends on its params loads.
      test.skip(entry.tfNever, 'panel does not use tfjs (panel.ts usesTf: false)');
      test.setTimeout(180_000);
      const errors = watchErrors(page);
      await page.goto(`/${entry.slug}/?${['backend=webgl', TF_QUERY[entry.slug]].filter(Boolean).join('&')}`);
      // WebGL here is software (no GPU): the first computation compiles its shaders, which in a
      // worker (bias-variance's batched solve, vanishing-gradients' training) takes up to a minute.
      await expect(page.getByTestId('readout')).toHaveAttribute('data-busy', 'false', { timeout: 120_000 });
      await waitReady(page);
      const badge = page.getByTestId('backend');
      test.skip((await page.locator('main').getAttribute('data-uses-tf')) === 'false', 'panel does not use tfjs');
      await expect(badge).toHaveAttribute('data-backend', 'webgl');
      // Every context tfjs holds, the page's and each worker's (their badge is the worker's).
      expect(await loseWebGL(page), 'WebGL contexts lost').toBeGreaterThan(0);
      await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', /wasm|cpu/);
      await expect(page.getByTestId('backend')).toContainText('lost');
      await waitReady(page);
      await firstSliderChanges(page);
      // WebGL itself logs the loss as a warning; anything else is a failure.
      expect(errors.filter((e) => !/CONTEXT_LOST|context lost/i.test(e))).toEqual([]);
    });
  });
}
