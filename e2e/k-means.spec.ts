/**
 * The k-means panel's own behaviours: stepping through half-moves (buttons, keys, scrubbing)
 * with the step in the link; k-means++ seeding before step 0; playing to convergence with
 * inertia never rising; a link to step N shows the same state as stepping there; dragging a
 * centre restarts from it and the link reproduces it; K > N refused with a message and no NaN;
 * 100,000 points step and draw; mini-batch says inertia can rise.
 */
import { expect, test, type Page } from '@playwright/test';
import { liveTensors, openPanel, readoutText, waitReady, watchErrors } from './helpers';

const SLUG = 'k-means';

const move = (page: Page) => page.getByTestId('ro-move');
const urlParam = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);
const inertia = async (page: Page) => Number((await page.getByTestId('ro-inertia').innerText()).replace('−', '-'));

async function expectStep(page: Page, n: number, what: RegExp): Promise<void> {
  await expect(move(page)).toHaveText(new RegExp(`^${n} · `));
  await expect(move(page)).toHaveText(what);
  await expect.poll(() => urlParam(page, 'step'), { message: `the link should say step=${n}` }).toBe(String(n));
  await waitReady(page);
}

/** Nothing on the page reads NaN: not the text, not an SVG attribute. */
async function expectNoNaN(page: Page): Promise<void> {
  expect(await page.locator('body').innerText()).not.toContain('NaN');
  const bad = await page.evaluate(
    () => Array.from(document.querySelectorAll('svg *')).filter((el) => Array.from(el.attributes).some((a) => a.value.includes('NaN'))).length,
  );
  expect(bad).toBe(0);
}

test('buttons, keys and the scrub slider move through assignment and update, and the link follows', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG);
  await expectStep(page, 0, /Start: centres placed/);
  await expect(page.getByTestId('ro-inertia')).toHaveText('not assigned yet');

  await page.getByTestId('step').click();
  await expectStep(page, 1, /Assignment, iteration 1/);
  await expect(page.getByTestId('ro-moved')).toHaveText('1,000');
  const afterAssign = await inertia(page);
  await page.getByTestId('step').click();
  await expectStep(page, 2, /Update, iteration 1/);
  expect(await inertia(page)).toBeLessThanOrEqual(afterAssign);
  await page.getByTestId('step-back').click();
  await expectStep(page, 1, /Assignment, iteration 1/);

  // Keys act anywhere except in a field.
  await page.locator('h1').click();
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 2, /Update/);
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 3, /Assignment, iteration 2/);
  await page.keyboard.press('ArrowLeft');
  await expectStep(page, 2, /Update/);

  // Home rewinds into the k-means++ seeding: one centre picked, K − 1 to go.
  await page.keyboard.press('Home');
  await expectStep(page, -3, /k-means\+\+ seeding: centre 1 of 4 picked/);
  await page.keyboard.press('ArrowRight');
  await expectStep(page, -2, /centre 2 of 4 picked/);
  await expect(page.getByTestId('ro-pick')).toHaveText(/× uniform/);

  // The scrub slider jumps anywhere in the recorded run.
  const scrub = page.getByTestId('ctl-step');
  await scrub.focus();
  for (let k = 0; k < 7; k++) await scrub.press('ArrowRight');
  await expectStep(page, 5, /Assignment, iteration 3/);
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});

test('play runs to convergence at the chosen speed, and inertia never rises on the way', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG);
  await page.getByTestId('speed').selectOption('30');
  const seen: number[] = [];
  page.on('console', () => undefined);
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', /Pause/);
  await expect
    .poll(
      async () => {
        const t = await page.getByTestId('ro-inertia').innerText();
        if (/^[\d.]+$/.test(t)) seen.push(Number(t));
        return page.getByTestId('play').getAttribute('aria-label');
      },
      { timeout: 20_000, intervals: [30] },
    )
    .toMatch(/Play/);
  await waitReady(page);
  await expect(page.getByTestId('ro-status')).toHaveText('converged at iteration 7');
  await expect(move(page)).toHaveText(/^13 · Assignment 7: no point changed cluster/);
  expect(seen.length).toBeGreaterThan(2);
  for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeLessThanOrEqual(seen[i - 1]);
  // The forward button is disabled at the end; the run does not move on.
  await expect(page.getByTestId('step')).toBeDisabled();
  expect(errors).toEqual([]);
});

test('a link to half-move N shows the same readout as stepping there', async ({ page, browser }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'init=random&step=6');
  for (let k = 0; k < 3; k++) await page.getByTestId('step').click();
  await expectStep(page, 9, /Assignment, iteration 5/);
  const stepped = await readoutText(page);
  const fresh = await browser.newPage();
  await openPanel(fresh, SLUG, 'init=random&step=9');
  expect(await readoutText(fresh)).toBe(stepped);
  await fresh.close();
  // A step past the end of the run shows the end; stepping back moves from what is shown.
  await openPanel(page, SLUG, 'step=150');
  await expect(move(page)).toHaveText(/^13 · /);
  await page.getByTestId('step-back').click();
  await expectStep(page, 12, /Update, iteration 6/);
  expect(errors).toEqual([]);
});

test('the default run converges to the inertia scikit-learn-style Lloyd gives here (675.3)', async ({ page }) => {
  await openPanel(page, SLUG, 'step=13');
  expect(Math.abs((await inertia(page)) - 675.3)).toBeLessThan(0.1);
  await expect(page.getByTestId('ro-sizes')).toHaveText(/·.*·.*·/);
  // Both engines give the same clustering.
  const tfText = await page.getByTestId('ro-inertia').innerText();
  await page.getByTestId('ctl-engine').selectOption('js');
  await waitReady(page);
  await expect(page.getByTestId('ro-algo')).toHaveText(/float64 JS/);
  await expect(page.getByTestId('ro-inertia')).toHaveText(tfText);
});

test('dragging a centre restarts from it; the link records the centres and reproduces the state', async ({ page, browser }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'step=4');
  const plot = page.locator('figure').first();
  const centre = plot.locator('svg[role="img"] circle[r="8"]').first();
  const box = (await centre.boundingBox())!;
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx + 30, cy + 20, { steps: 5 });
  await page.mouse.move(cx + 60, cy + 40, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => urlParam(page, 'init')).toBe('manual');
  expect(urlParam(page, 'centers')).toMatch(/^-?[\d.]+(,-?[\d.]+){7}$/);
  await expectStep(page, 1, /Assignment, iteration 1/);
  await expect(page.getByTestId('ro-start')).toHaveText(/By hand/);
  const state = await readoutText(page);
  const fresh = await browser.newPage();
  await fresh.goto(page.url());
  await waitReady(fresh);
  expect(await readoutText(fresh)).toBe(state);
  await fresh.close();
  expect(errors).toEqual([]);
});

test('K above the number of points is refused with a message, and nothing reads NaN', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'n=3&k=5&step=7');
  await expect(page.getByTestId('panel-message')).toContainText('K = 5 is more than the 3 points');
  await expect(page.getByTestId('ro-status')).toHaveText('refused: K > N');
  await expectNoNaN(page);
  // Lowering K to 3 clusters again.
  const k = page.getByTestId('ctl-k');
  await k.focus();
  await k.press('ArrowLeft');
  await k.press('ArrowLeft');
  await waitReady(page);
  await expect(page.getByTestId('panel-message')).toHaveCount(0);
  await expect(page.getByTestId('ro-inertia')).toHaveText('0');
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});

test('100,000 points: steps assign and draw, silhouettes use a sample, tensors do not leak', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'n=100000&step=1');
  await expect(page.getByTestId('ro-moved')).toHaveText('100,000');
  await expect(page.getByTestId('ro-silhouette')).toHaveText(/1,000 sampled/);
  const base = await liveTensors(page);
  const times: number[] = [];
  for (let k = 0; k < 6; k++) {
    const t0 = Date.now();
    await page.getByTestId('step').click();
    await expect(move(page)).toHaveText(new RegExp(`^${k + 2} · `));
    await waitReady(page);
    times.push(Date.now() - t0);
  }
  expect(await liveTensors(page)).toBe(base);
  console.log(`100k points, step click → readout (ms, incl. ~100 ms of test polling): ${times.join(', ')}`);
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});

test('mini-batch says inertia may rise and shows its batch size', async ({ page }) => {
  await openPanel(page, SLUG, 'variant=minibatch&batch=64&step=10');
  await expect(page.getByTestId('ro-algo')).toHaveText(/mini-batch of 64/);
  await expect(page.getByTestId('panel-message')).toContainText('inertia (measured on all points) can go up');
  await expectNoNaN(page);
});
