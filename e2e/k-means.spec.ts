/**
 * The k-means panel's own behaviours: stepping through half-moves (buttons, keys, scrubbing)
 * with the step in the link; k-means++ seeding before step 0; playing to convergence with
 * inertia never rising; a link to step N shows the same state as stepping there; dragging a
 * centre (or moving it with the keyboard alone) restarts from it and the link reproduces it;
 * K > N refused with a message and no NaN; 100,000 points step and draw; mini-batch says inertia
 * can rise; the elbow curves come from the panel's worker (production build, CSP) and agree with
 * the run on the page.
 */
import { expect, test, type Page } from '@playwright/test';
import { addressSettled, expectNoNaN, expectStep, liveTensors, openPanel, poll, readoutNumber, readoutText, urlParam, waitReady, watchErrors } from './helpers';
import { makeData } from '../src/panels/k-means/data';
import { centresOf, seedPlusPlus } from '../src/panels/k-means/seeding';
import { stream } from '../src/lib/random/rng';

const SLUG = 'k-means';

const inertia = (page: Page) => readoutNumber(page, 'inertia');

/** Half-move `n` is on screen, says `what`, the link says step=n, and the panel is idle. */
async function expectMove(page: Page, n: number, what: RegExp): Promise<void> {
  await expectStep(page, n);
  await expect(page.getByTestId('ro-step')).toHaveText(what);
  await poll(() => urlParam(page, 'step'), { message: `the link should say step=${n}` }).toBe(String(n));
  await waitReady(page);
}

/** Tabs (keyboard only) until the handle of centre `j` has focus. */
async function tabToCentre(page: Page, j: number): Promise<void> {
  const id = `centre-${j}`;
  for (let k = 0; k < 80; k++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? null)) === id) return;
  }
  throw new Error(`Tab never reached ${id}`);
}

/** Worker scripts the page loaded (resource timing lists a worker's script): the panel's compute.worker chunk. */
const workerScripts = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((name) => /\.worker-[\w-]+\.js$/.test(name)));

/** The centres in the link, as [x₁, x₂] pairs. */
const linkCentres = (page: Page) => (urlParam(page, 'centers') ?? '').split(',').map(Number);

test('buttons, keys and the scrub slider move through assignment and update, and the link follows', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG);
  await expectMove(page, 0, /Start: centres placed/);
  await expect(page.getByTestId('ro-inertia')).toHaveText('not assigned yet');

  await page.getByTestId('step').click();
  await expectMove(page, 1, /Assignment, iteration 1/);
  await expect(page.getByTestId('ro-moved')).toHaveText('1,000');
  const afterAssign = await inertia(page);
  await page.getByTestId('step').click();
  await expectMove(page, 2, /Update, iteration 1/);
  expect(await inertia(page)).toBeLessThanOrEqual(afterAssign);
  await page.getByTestId('step-back').click();
  await expectMove(page, 1, /Assignment, iteration 1/);

  // Keys act anywhere except in a field.
  await page.locator('h1').click();
  await page.keyboard.press('ArrowRight');
  await expectMove(page, 2, /Update/);
  await page.keyboard.press('ArrowRight');
  await expectMove(page, 3, /Assignment, iteration 2/);
  await page.keyboard.press('ArrowLeft');
  await expectMove(page, 2, /Update/);

  // Home rewinds into the k-means++ seeding: one centre picked, K − 1 to go.
  await page.keyboard.press('Home');
  await expectMove(page, -3, /k-means\+\+ seeding: centre 1 of 4 picked/);
  await page.keyboard.press('ArrowRight');
  await expectMove(page, -2, /centre 2 of 4 picked/);
  await expect(page.getByTestId('ro-pick')).toHaveText(/× uniform/);

  // The scrub slider jumps anywhere in the recorded run.
  const scrub = page.getByTestId('scrub');
  await scrub.focus();
  for (let k = 0; k < 7; k++) await scrub.press('ArrowRight');
  await expectMove(page, 5, /Assignment, iteration 3/);
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});

test('play runs to convergence at the chosen speed, showing every half-move, and inertia never rises on the way', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG);
  await page.getByTestId('speed').selectOption('30');
  // Record every state the readout shows while playing (each render, not a sample of them), and
  // whether the play button turned into a pause button (a fast run may end before a poll sees it).
  await page.evaluate(() => {
    const w = window as unknown as { __kmSeen: string[]; __kmPause: boolean };
    const play = document.querySelector('[data-testid="play"]')!;
    w.__kmPause = false;
    new MutationObserver(() => {
      if (/Pause/.test(play.getAttribute('aria-label') ?? '')) w.__kmPause = true;
    }).observe(play, { attributes: true, attributeFilter: ['aria-label'] });
    const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
    const now = () => `${text('ro-step')}|${text('ro-inertia')}`;
    w.__kmSeen = [now()];
    new MutationObserver(() => {
      if (w.__kmSeen.at(-1) !== now()) w.__kmSeen.push(now());
    }).observe(document.querySelector('[data-testid="readout"]')!, { subtree: true, childList: true, characterData: true });
  });
  await page.getByTestId('play').click();
  await poll(() => readoutNumber(page, 'step'), { timeout: 20_000 }).toBe(13);
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', /Play/);
  expect(await page.evaluate(() => (window as unknown as { __kmPause: boolean }).__kmPause)).toBe(true);
  await waitReady(page);
  await expect(page.getByTestId('ro-status')).toHaveText('converged at iteration 7');
  await expect(page.getByTestId('ro-step')).toHaveText(/^13 · Assignment 7: no point changed cluster/);
  const seen = (await page.evaluate(() => (window as unknown as { __kmSeen: string[] }).__kmSeen)).map((s) => {
    const [step, inertia] = s.split('|');
    return { step: parseInt(step, 10), inertia: /^[\d.]+$/.test(inertia) ? Number(inertia) : null };
  });
  // The player never runs ahead of the picture: half-moves 1 … 13 each shown, in order.
  expect([...new Set(seen.map((s) => s.step))]).toEqual(Array.from({ length: 14 }, (_, i) => i));
  const inertias = seen.flatMap((s) => (s.inertia === null ? [] : [s.inertia]));
  expect(inertias.length).toBeGreaterThan(2);
  for (let i = 1; i < inertias.length; i++) expect(inertias[i]).toBeLessThanOrEqual(inertias[i - 1]);
  // The forward button is disabled at the end; the run does not move on.
  await expect(page.getByTestId('step')).toBeDisabled();
  expect(errors).toEqual([]);
});

test('a link to half-move N shows the same readout as stepping there', async ({ page, browser }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'init=random&step=6');
  for (let k = 0; k < 3; k++) await page.getByTestId('step').click();
  await expectMove(page, 9, /Assignment, iteration 5/);
  const stepped = await readoutText(page);
  const fresh = await browser.newPage();
  await openPanel(fresh, SLUG, 'init=random&step=9');
  expect(await readoutText(fresh)).toBe(stepped);
  await fresh.close();
  // A step past the end of the run shows the end; stepping back moves from what is shown.
  await openPanel(page, SLUG, 'step=150');
  await expectStep(page, 13);
  await page.getByTestId('step-back').click();
  await expectMove(page, 12, /Update, iteration 6/);
  expect(errors).toEqual([]);
});

/**
 * Lloyd's algorithm written out here, in plain float64, independent of the panel's engines:
 * assign each point to its nearest centre (first on ties), move each centre to its points' mean
 * (an empty cluster keeps its centre), until no label changes. Returns the final inertia.
 */
function referenceLloyd(x: Float64Array, n: number, start: Float64Array, k: number): { inertia: number; iterations: number } {
  const c = Float64Array.from(start);
  const labels = new Int32Array(n).fill(-1);
  for (let it = 1; it <= 100; it++) {
    let changed = false;
    for (let i = 0; i < n; i++) {
      let best = 0, bestD = Infinity;
      for (let j = 0; j < k; j++) {
        const d = (x[2 * i] - c[2 * j]) ** 2 + (x[2 * i + 1] - c[2 * j + 1]) ** 2;
        if (d < bestD) {
          best = j;
          bestD = d;
        }
      }
      if (labels[i] !== best) {
        labels[i] = best;
        changed = true;
      }
    }
    if (!changed) {
      let inertia = 0;
      for (let i = 0; i < n; i++) inertia += (x[2 * i] - c[2 * labels[i]]) ** 2 + (x[2 * i + 1] - c[2 * labels[i] + 1]) ** 2;
      return { inertia, iterations: it };
    }
    const sum = new Float64Array(2 * k), count = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      sum[2 * labels[i]] += x[2 * i];
      sum[2 * labels[i] + 1] += x[2 * i + 1];
      count[labels[i]]++;
    }
    for (let j = 0; j < k; j++) {
      if (!count[j]) continue;
      c[2 * j] = sum[2 * j] / count[j];
      c[2 * j + 1] = sum[2 * j + 1] / count[j];
    }
  }
  throw new Error('no convergence in 100 iterations');
}

test('the default run converges to the inertia of a Lloyd written independently in this spec, from the same k-means++ start', async ({ page }) => {
  // The default link's data and k-means++ start (the panel's own data and seeding code, whose
  // draws the unit tests check; the start is an input here), then Lloyd by the reference above.
  const d = makeData({ dataset: 'blobs', groups: 4, spread: 0.6, n: 1000, seed: 4 });
  const start = centresOf(d.x, seedPlusPlus(d.x, d.n, 4, stream(4, 'init')).picks);
  const ref = referenceLloyd(d.x, d.n, start, 4);
  // Converged at assignment `iterations`, which changed nothing: half-move 2·iterations − 1.
  expect(2 * ref.iterations - 1).toBe(13);
  expect(Math.abs(ref.inertia - 675.3)).toBeLessThan(0.1); // the value this test has always quoted
  await openPanel(page, SLUG, 'step=13');
  // The readout shows 6 significant digits (675.xxx); the tfjs engine assigns in float32.
  expect(Math.abs((await inertia(page)) - ref.inertia)).toBeLessThan(2e-3);
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
  await poll(() => urlParam(page, 'init')).toBe('manual');
  expect(urlParam(page, 'centers')).toMatch(/^-?[\d.]+(,-?[\d.]+){7}$/);
  await expectMove(page, 1, /Assignment, iteration 1/);
  await expect(page.getByTestId('ro-start')).toHaveText(/By hand/);
  // The address is written once the page has been still a moment (useUrlSync): copy it then.
  await addressSettled(page);
  const state = await readoutText(page);
  const fresh = await browser.newPage();
  await fresh.goto(page.url());
  await waitReady(fresh);
  expect(await readoutText(fresh)).toBe(state);
  await fresh.close();
  expect(errors).toEqual([]);
});

test('a centre moves with the keyboard alone, like a drag, and the player keys stay out of it', async ({ page, browser }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'step=4');
  const before = await readoutText(page);
  await page.locator('h1').click(); // start the Tab walk from the top of the page
  await tabToCentre(page, 2);
  const handle = page.getByTestId('centre-2');
  const name0 = (await handle.getAttribute('aria-label'))!;

  // → moves centre 2 right: a new run from the centres as placed, at its first assignment (the
  // player's → would have gone to step 5 instead).
  await page.keyboard.press('ArrowRight');
  await poll(() => urlParam(page, 'init')).toBe('manual');
  await expectMove(page, 1, /Assignment, iteration 1/);
  expect(urlParam(page, 'centers')).toMatch(/^-?[\d.]+(,-?[\d.]+){7}$/);
  const [, , x1, y1] = linkCentres(page);
  await expect(page.getByTestId('ro-start')).toHaveText(/By hand/);
  expect(await readoutText(page)).not.toBe(before);
  // Focus stays on the centre, whose name gives its new place as the link writes it.
  await expect(handle).toBeFocused();
  await expect(handle).not.toHaveAttribute('aria-label', name0);
  await expect(handle).toHaveAttribute('aria-label', `Centre 2 at x₁ = ${x1}, x₂ = ${y1}`.replace(/-/g, '−'));

  // Two more → and a Shift+↑: x grows by two small steps, y by one large step (ten small ones).
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowUp');
  await poll(() => linkCentres(page)[3]).toBeGreaterThan(y1);
  await expectMove(page, 1, /Assignment, iteration 1/);
  const [, , x2, y2] = linkCentres(page);
  const dx = (x2 - x1) / 2;
  expect(dx).toBeGreaterThan(0);
  expect(Math.abs(y2 - y1 - 10 * dx)).toBeLessThan(0.01);
  // ← on the centre moves it back; Space and Home do not play or rewind the run.
  await page.keyboard.press('ArrowLeft');
  await poll(() => linkCentres(page)[2]).toBeLessThan(x2);
  await page.keyboard.press('Space');
  await page.keyboard.press('Home');
  await expectMove(page, 1, /Assignment, iteration 1/);
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', /Play/);

  // The link reproduces the state.
  // The address is written once the page has been still a moment (useUrlSync): copy it then.
  await addressSettled(page);
  const state = await readoutText(page);
  const fresh = await browser.newPage();
  await fresh.goto(page.url());
  await waitReady(fresh);
  expect(await readoutText(fresh)).toBe(state);
  await fresh.close();
  expect(errors).toEqual([]);
});

test('the elbow curves come from the worker: K = 1 matches the run on the page, six blobs peak at K = 6', async ({ page }) => {
  const errors = watchErrors(page);
  // K = 1: any start converges to the mean, so the worker's elbow inertia at K = 1 (all points,
  // below its 2,000-point sample) must equal the inertia of the page's own run.
  await openPanel(page, SLUG, 'k=1&step=200');
  await expect(page.getByTestId('ro-elbow')).toHaveText(/inertia at K = 1: [\d.,]+/);
  const elbow = Number((await page.getByTestId('ro-elbow').innerText()).match(/inertia at K = 1: ([\d.,]+)/)![1].replace(/,/g, ''));
  const run = await inertia(page);
  expect(Math.abs(elbow - run) / run).toBeLessThan(1e-4);
  // Two workers, each on half of the K's (elbow.ts shardOfK), from the one worker chunk.
  const chunks = await workerScripts(page);
  expect(chunks).toHaveLength(2);
  expect(chunks[0]).toMatch(/\/assets\/compute\.worker-[\w-]+\.js$/);
  expect(chunks[1]).toBe(chunks[0]);

  // The "Read K off the elbow" experiment's data: the silhouette curve peaks at the six blobs.
  await page.getByTestId('ctl-groups').focus();
  await page.getByTestId('ctl-groups').press('ArrowRight');
  await page.getByTestId('ctl-groups').press('ArrowRight');
  await poll(() => urlParam(page, 'groups')).toBe('6');
  await waitReady(page);
  await expect(page.getByTestId('ro-elbow')).toHaveText(/^best K by silhouette: 6;/);
  await expectNoNaN(page);
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
    await expectStep(page, k + 2);
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
