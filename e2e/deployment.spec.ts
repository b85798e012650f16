/**
 * The deployment panel's own behaviours in the production build: the serving simulation runs in
 * the panel's worker and its numbers hang together; the player's window and a key-driven max
 * batch reach the link; turning batching off overloads the replicas; a sudden drift sets off the
 * alert at its window; the A/B part sizes the test as statsmodels does; and the embedded case:
 * a hostile file is refused and changes nothing, a network saved in the overfitting panel is
 * loaded from this browser's storage, timed, and served in the simulator with its latency.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectLinkReopens, expectNoNaN, expectStep, openPanel, readoutNumber, readoutValue, urlParam, waitReady, watchErrors } from './helpers';

const SLUG = 'deployment';
/** Script URLs the page loaded (resource timing): the worker chunk. */
const loaded = (page: Page, re: RegExp) => page.evaluate((src) => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => new RegExp(src).test(n)), re.source);
/** The per-request part of "20 ms + 532 ns per request". */
const perRequest = (s: string) => s.match(/\+ (\S+ (?:ns|µs|ms|s)) per request/)?.[1] ?? '';
/** "12.3 ms" / "850 µs" / "1.2 s" → ms. */
const asMs = (s: string) => {
  const m = s.replace(/−/g, '-').match(/(-?[\d.]+(?:e[-+]?\d+)?)\s*(ns|µs|ms|s)\b/);
  if (!m) return NaN;
  return Number(m[1]) * { ns: 1e-6, µs: 1e-3, ms: 1, s: 1000 }[m[2] as 'ns' | 'µs' | 'ms' | 's'];
};

test('serving: the worker simulates, percentiles are ordered, the player steps the link, a shared link reopens it', async ({ page, browser }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG);
  await expect(page.locator('[data-computed-in="worker"]')).toBeVisible();
  // One worker chunk, loaded by three workers: the serving simulation's and the batching sweep's two halves (sweepHalves.ts).
  expect(new Set(await loaded(page, /\/assets\/compute\.worker-[\w-]+\.js$/)).size).toBe(1);
  const [p50, p95, p99] = await Promise.all(['p50', 'p95', 'p99'].map(async (k) => asMs(await readoutValue(page, k))));
  expect(p50).toBeGreaterThan(20); // at least one batch's fixed part
  expect(p50).toBeLessThanOrEqual(p95);
  expect(p95).toBeLessThanOrEqual(p99);
  // Under capacity nothing is rejected and everything arriving is served: throughput ≈ the 150 /s asked.
  expect(await readoutValue(page, 'rejected')).toMatch(/^0 /);
  expect(Math.abs((await readoutNumber(page, 'throughput')) - 150)).toBeLessThan(10);
  await expect(page.getByRole('img', { name: /Batching: p99 latency against throughput/ })).toBeVisible();

  await expectStep(page, 30);
  await page.getByTestId('step').click();
  await expectStep(page, 31);
  await expect.poll(() => urlParam(page, 't')).toBe('31');

  const slider = page.getByTestId('ctl-maxBatch');
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => urlParam(page, 'maxBatch')).toBe('9');
  await expect(page.getByTestId('ro-setting')).toContainText('batches ≤ 9');
  await waitReady(page);
  await expectNoNaN(page);

  await expectLinkReopens(page, browser);
  expect(errors).toEqual([]);
});

test('without batching two replicas are overloaded: the queue fills and requests are rejected', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'maxBatch=1&requests=5000');
  // "8,878 (44.4 %)": the count has thousands separators.
  const rejected = Number((await readoutValue(page, 'rejected')).split(' ')[0].replace(/,/g, ''));
  expect(rejected).toBeGreaterThan(1000);
  await expect(page.getByTestId('panel-message')).toContainText('rejected');
  expect(await readoutNumber(page, 'throughput')).toBeLessThan(85);
  expect(errors).toEqual([]);
});

test('drift: a sudden shift fires the alert at its window; rewinding shows it not yet fired; A/B sizes the test', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'part=drift&drift=sudden&shift=1&start=10');
  await expect(page.getByTestId('ro-alert')).toHaveText(/^fired at window 10 \(0 after/);
  expect(await readoutNumber(page, 'psi')).toBeGreaterThan(0.2);
  await page.locator('h1').click();
  await page.keyboard.press('Home');
  await expectStep(page, 1);
  await expect.poll(() => urlParam(page, 'w')).toBe('1');
  await expect(page.getByTestId('ro-alert')).toHaveText('not yet (fires at window 10)');

  await page.getByTestId('part-ab').click();
  await expect.poll(() => urlParam(page, 'part')).toBe('ab');
  await waitReady(page);
  // statsmodels: 3834.6 per arm for 10 % → 12 % at α 0.05, power 0.8.
  await expect(page.getByTestId('ro-needed')).toHaveText(/^3,835 · 7,670/);
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});

test('your model: a hostile file changes nothing; a network saved in the overfitting panel is loaded, timed and served', async ({ page }) => {
  test.setTimeout(60_000);
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'part=model');
  await page.getByTestId('model-example').click();
  await expect(page.getByTestId('ro-setting')).toContainText('Example network');
  await waitReady(page);
  // Not a model: refused with reasons, the example stays loaded.
  await page.getByTestId('model-file').setInputFiles({ name: 'evil.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"ml-intuition-model","version":1,"name":"<img src=x onerror=alert(1)>","weights":"AAAA"}') });
  await expect(page.getByTestId('model-refused')).toContainText('not a model this app can load, so nothing changed');
  await expect(page.getByTestId('ro-setting')).toContainText('Example network');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);

  // Save a trained network in the overfitting panel, then load it here from storage.
  await openPanel(page, 'overfitting', 'epoch=20');
  await page.getByTestId('save-model-store').click();
  await expect(page.getByTestId('save-model-status')).toContainText('Saved');
  await openPanel(page, SLUG, 'part=model');
  const load = page.locator('[data-testid^="load-"]').first();
  await load.click();
  await expect(page.getByTestId('ro-setting')).toContainText('Overfitting network');
  await expect(page.getByTestId('ro-source')).toContainText('overfitting · /overfitting/?');
  await waitReady(page);
  const perItem = asMs(perRequest(await readoutValue(page, 'fit')));
  expect(perItem).toBeGreaterThan(0);

  await page.getByTestId('model-serve').click();
  await expect.poll(() => urlParam(page, 'part')).toBe('serve');
  await waitReady(page);
  // The simulator now runs with the measured per-request latency (as the link rounds it).
  expect(asMs(perRequest(await readoutValue(page, 'setting')))).toBeCloseTo(Number(urlParam(page, 'perItem')), 6);
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});
