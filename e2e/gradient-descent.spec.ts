/**
 * The gradient-descent panel's own behaviours: stepping (buttons and keys) moves the iteration
 * and the link; a link to step N replays to the same state; a step above 2/L diverges and the
 * panel says so, with no NaN anywhere; clicking the map moves the start, and so does the
 * keyboard alone (the player's keys leave the focused map alone). The race and the contour grid
 * are computed in the panel's worker (its script loads under the production CSP); the page
 * itself downloads neither tfjs nor its .wasm.
 */
import { expect, test, type Page } from '@playwright/test';
import { addressSettled, expectNoNaN, expectStep, openPanel, poll, readoutNumber, readoutText, urlParam, waitReady, watchErrors } from './helpers';

const SLUG = 'gradient-descent';

/** Every resource the page itself fetched (a worker's own fetches are in the worker's timeline). */
const pageResources = (page: Page) => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
const COMPUTE_WORKER = /\/assets\/compute\.worker-[\w-]+\.js$/;

/** The text of each of these scripts, fetched again from the page (same origin, so the CSP allows it). */
const scriptTexts = (page: Page, urls: string[]) =>
  page.evaluate((list) => Promise.all(list.map((u) => fetch(u).then((r) => r.text()))), urls);

/** The readout and the link both at iteration n. */
async function expectAt(page: Page, n: number): Promise<void> {
  await expectStep(page, n);
  await poll(() => urlParam(page, 'step'), { message: `the link should say step=${n}` }).toBe(String(n));
}

/** Lets `n` animation frames pass: the player moves only on frames, so after them a paused one has had every chance to move. */
async function frames(page: Page, n: number): Promise<void> {
  await page.evaluate(
    (count) =>
      new Promise<void>((done) => {
        let k = 0;
        const tick = () => (++k >= count ? done() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    n,
  );
}

test('the default link is computed in the panel worker; the page itself loads no tfjs and no .wasm', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG);
  await waitReady(page);
  await expect(page.getByTestId('ro-step')).toHaveText(/^\d+ of 500$/);
  await expectNoNaN(page);
  // The badge shows the backend the worker started: tfjs runs there only.
  await expect(page.locator('main')).toHaveAttribute('data-uses-tf', 'worker');
  const badge = page.getByTestId('backend');
  await expect(badge).toHaveAttribute('data-backend', /^(webgl|wasm|cpu)$/, { timeout: 30_000 });
  await expect(badge).toHaveAttribute('data-computed-in', 'worker');

  const loaded = await pageResources(page);
  const workers = loaded.filter((n) => /\.worker-[\w-]+\.js$/.test(n));
  expect(workers).toEqual([expect.stringMatching(COMPUTE_WORKER)]);
  expect(loaded.filter((n) => /\.wasm(\?|$)/.test(n))).toEqual([]);
  // tfjs's code names "tensorflow": the worker's script does (the check can fail), none of the page's does.
  expect((await scriptTexts(page, workers)).some((t) => t.includes('tensorflow'))).toBe(true);
  const pageScripts = loaded.filter((n) => /\.m?js(\?|$)/.test(n) && !workers.includes(n));
  expect(pageScripts.length).toBeGreaterThan(0);
  const texts = await scriptTexts(page, pageScripts);
  expect(pageScripts.filter((_, i) => texts[i].includes('tensorflow'))).toEqual([]);
  expect(errors).toEqual([]);
});

test('the step buttons and the keyboard move the iteration in the readout and in the link', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'step=10');
  await expectAt(page, 10);

  await page.getByTestId('step').click();
  await expectAt(page, 11);
  await page.getByTestId('step-back').click();
  await page.getByTestId('step-back').click();
  await expectAt(page, 9);

  // Keys act anywhere except in a field; move focus off the buttons first.
  await page.locator('h1').click();
  await page.keyboard.press('ArrowRight');
  await expectAt(page, 10);
  await page.keyboard.press('ArrowRight');
  await expectAt(page, 11);
  await page.keyboard.press('ArrowLeft');
  await expectAt(page, 10);

  // Space plays, Space again pauses.
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', /Pause/);
  await poll(() => readoutNumber(page, 'step'), { timeout: 10_000 }).toBeGreaterThan(20);
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', /Play/);
  await waitReady(page);
  const paused = await readoutNumber(page, 'step');
  await frames(page, 20);
  await expectAt(page, paused);

  await page.keyboard.press('Home');
  await expectAt(page, 0);
  expect(errors).toEqual([]);
});

test('a link to iteration N shows iteration N and the same readout as stepping there', async ({ page, browser }) => {
  const errors = watchErrors(page);
  const query = 'surface=saddle&start=-2.5,0.001&optimizers=sgd,momentum,adam&lr=0.1&lrAdaptive=0.05&step=40';
  await openPanel(page, SLUG, query);
  for (let k = 0; k < 5; k++) await page.getByTestId('step').click();
  await expectAt(page, 45);
  await waitReady(page);
  const stepped = await readoutText(page);

  const fresh = await browser.newPage();
  const freshErrors = watchErrors(fresh);
  await openPanel(fresh, SLUG, query.replace('step=40', 'step=45'));
  await expectStep(fresh, 45);
  await expect(fresh.getByTestId('ro-step')).toHaveText('45 of 500');
  expect(await readoutText(fresh)).toBe(stepped);
  // A link's first answer is its step alone (the readout above); the loss plot's faint part comes
  // next, and until then the plot says it is being computed rather than looking final.
  await expect(fresh.locator('.gd-loss')).toContainText('faint: the next ones, up to 100');
  await expect(fresh.locator('.gd-loss-partial')).toHaveCount(0);
  // The address the panel wrote says the same.
  await addressSettled(page);
  const viaLink = await browser.newPage();
  await viaLink.goto(page.url());
  await waitReady(viaLink);
  expect(await readoutText(viaLink)).toBe(stepped);
  await fresh.close();
  await viaLink.close();
  expect([...errors, ...freshErrors]).toEqual([]);
});

test('a step above 2/L on the bowl diverges, the panel says so, and nothing reads NaN', async ({ page }) => {
  const errors = watchErrors(page);
  // κ = 10, so L = 10 and 2/L = 0.2.
  await openPanel(page, SLUG, 'surface=bowl&kappa=10&optimizers=sgd&lr=0.25&step=100');
  const msg = page.getByTestId('panel-message');
  await expect(msg).toContainText('above 2/L = 0.2');
  await expect(msg).toContainText(/Gradient descent diverged at iteration \d+/);
  await expect(page.getByTestId('ro-sgd')).toContainText('diverged at iteration');
  await expectNoNaN(page);

  // Just below the limit it converges instead, and the warning goes away.
  await openPanel(page, SLUG, 'surface=bowl&kappa=10&optimizers=sgd&lr=0.19&step=300');
  await expect(page.getByTestId('ro-sgd')).toContainText('converged at iteration');
  await expect(page.getByTestId('panel-message')).toHaveCount(0);

  // The worst case: every optimizer at the largest steps, to the last iteration.
  await openPanel(page, SLUG, 'surface=rosenbrock&optimizers=sgd,momentum,nesterov,adagrad,rmsprop,adam&lr=2&lrAdaptive=2&step=500');
  await expect(page.getByTestId('panel-message')).toContainText('diverged');
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});

test('clicking the contour map moves the start point', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'surface=bowl&start=-1.8,1.2&step=30');
  expect(urlParam(page, 'start')).toBe('-1.8,1.2');
  const map = page.locator('.gd-contour svg[role="img"]');
  const box = (await map.boundingBox())!;
  // Upper right of the plot area: x > 0 and y > 0 on the [-2, 2] square.
  await map.click({ position: { x: box.width * 0.78, y: box.height * 0.25 } });
  await poll(() => urlParam(page, 'start')).not.toBe('-1.8,1.2');
  const [x, y] = urlParam(page, 'start')!.split(',').map(Number);
  expect(x).toBeGreaterThan(0);
  expect(y).toBeGreaterThan(0);
  await expect(page.getByTestId('ro-start')).not.toHaveText('(−1.8, 1.2)');
  // The run starts over from the new point (and plays): pause it and check it is consistent.
  await page.locator('h1').click();
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', /Play/);
  await waitReady(page);
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});

test('the keyboard alone sets the start: arrows move it, Enter runs from it, the player keys stay off', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'surface=bowl&start=-1.8,1.2&step=30');
  const map = page.getByTestId('start-picker');
  await expect(map).toHaveAttribute('aria-label', /^Start point \(−1\.8, 1\.2\)/);
  // Tab to the map, as a keyboard user would.
  await page.locator('body').focus();
  for (let k = 0; k < 100 && !(await map.evaluate((el) => el === document.activeElement)); k++) await page.keyboard.press('Tab');
  await expect(map).toBeFocused();

  // On the bowl's [−2, 2] window an arrow moves 0.1 and Shift+arrow 0.5.
  for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await poll(() => urlParam(page, 'start')).toBe('-1.5,0.7');
  await waitReady(page);
  await expect(page.getByTestId('ro-start')).toHaveText('(−1.5, 0.7)');
  await expect(map).toHaveAttribute('aria-label', /^Start point \(−1\.5, 0\.7\)/);
  // The arrows (and Home) belonged to the map, not to the player: still iteration 30.
  await page.keyboard.press('Home');
  await frames(page, 5);
  await expectAt(page, 30);

  // With reduced motion, Space on the map keeps the iteration instead of replaying.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.keyboard.press(' ');
  await frames(page, 10);
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', /Play/);
  await expectAt(page, 30);

  // Otherwise Enter replays from the new start, as a click does.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', /Pause/);
  // The readout, not the address: Enter comes within 0.6 s of the last change of the store, so
  // the replay's steps reach the address only once the settings rest, or 2 s later
  // (app/useUrlSync.ts). By then the replay is past iteration 30, at 24 steps a second.
  await poll(() => readoutNumber(page, 'step')).toBeLessThan(30);
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', /Play/);
  await waitReady(page);
  expect(urlParam(page, 'start')).toBe('-1.5,0.7');
  await expect(page.getByTestId('ro-start')).toHaveText('(−1.5, 0.7)');
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});
