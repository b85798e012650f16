/**
 * The bias-variance panel's own behaviours: the default link shows exactly what the float64 model
 * computes (the model runs here in Node on the same params), and its parts add up; the degree
 * slider moves the readout, the link and the marker on both error plots; more coefficients than
 * points is said in words; the float64 default never downloads tfjs, while choosing the float32
 * solver loads it, starts a backend and shows its badge. Both engines compute in the panel's
 * worker (its script loads under the production CSP); for the float32 solver tfjs runs there only.
 */
import { expect, test, type Page } from '@playwright/test';
import { defaults } from '../src/lib/params/schema';
import { fmt } from '../src/lib/format/format';
import { schema } from '../src/panels/bias-variance/params';
import { computeBiasVariance, readout } from '../src/panels/bias-variance/model';
import { expectNoNaN, openPanel, poll, readoutNumber, readoutValue, urlParam, waitReady, watchErrors } from './helpers';

const SLUG = 'bias-variance';
const DEFAULTS = defaults(schema);

/** Worker scripts the page loaded (resource timing lists a worker's script): the panel's compute.worker chunk. */
const workerScripts = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((name) => /\.worker-[\w-]+\.js$/.test(name)));
const COMPUTE_WORKER = /\/assets\/compute\.worker-[\w-]+\.js$/;

/** Every script and wasm file the page downloads, with the scripts' text (read as they arrive). */
function watchDownloads(page: Page): { urls: string[]; scripts: Promise<string>[] } {
  const seen = { urls: [] as string[], scripts: [] as Promise<string>[] };
  page.on('response', (r) => {
    seen.urls.push(r.url());
    if (/\.m?js(\?|$)/.test(r.url())) seen.scripts.push(r.text().catch(() => ''));
  });
  return seen;
}

/** Whether tfjs itself came down: its core chunk is the only script naming "tensorflow". */
async function loadedTfjs(seen: { urls: string[]; scripts: Promise<string>[] }): Promise<boolean> {
  const texts = await Promise.all(seen.scripts);
  return texts.some((t) => t.includes('tensorflow')) || seen.urls.some((u) => /\.wasm(\?|$)/.test(u));
}

/** Half a unit in the last digit a readout value shows ("0.01234" → 5e-6, "1.2e−4" → 5e-6). */
function halfUnit(text: string): number {
  const m = text.replace(/−/g, '-').match(/^-?\d+(?:\.(\d+))?(?:e(-?\d+))?/i);
  if (!m) return NaN;
  return 0.5 * 10 ** (-(m[1]?.length ?? 0) + Number(m[2] ?? 0));
}

/** The label and x position of the degree marker in the plot titled `title`. */
async function marker(page: Page, title: string): Promise<{ label: string; x: number }> {
  const label = page.locator('figure', { hasText: title }).locator('svg text').filter({ hasText: /^degree \d+$/ });
  await expect(label).toHaveCount(1);
  const x = await label.evaluate((el) => Number(el.parentElement?.querySelector('line')?.getAttribute('x1')));
  return { label: (await label.textContent())?.trim() ?? '', x };
}

test('the default link shows what the float64 model computes, its parts add up, and no tfjs is downloaded', async ({ page }) => {
  const errors = watchErrors(page);
  const seen = watchDownloads(page);
  await openPanel(page, SLUG);

  // The same computation in Node: every readout number, formatted as the panel formats it.
  const r = await computeBiasVariance(DEFAULTS, { engine: 'float64', design: DEFAULTS.design });
  await expect(page.getByTestId('ro-degree')).toHaveText(String(DEFAULTS.degree));
  for (const it of readout(r)) await expect(page.getByTestId(`ro-${it.key}`), it.label).toHaveText(fmt(it.value, 4));

  // bias² + variance + noise = the expected error, to the digits shown.
  const parts = ['bias2', 'variance', 'noise'];
  const texts = await Promise.all([...parts, 'expected'].map((k) => readoutValue(page, k)));
  const sum = (await Promise.all(parts.map((k) => readoutNumber(page, k)))).reduce((a, b) => a + b, 0);
  const tolerance = texts.map(halfUnit).reduce((a, b) => a + b, 0);
  expect(Math.abs(sum - (await readoutNumber(page, 'expected')))).toBeLessThanOrEqual(tolerance * (1 + 1e-9));
  // The noise part is σ² of the link's σ.
  expect(await readoutNumber(page, 'noise')).toBeCloseTo(DEFAULTS.noise ** 2, 10);

  // Float64 default: no tfjs, no backend badge, and the frame says so.
  await expect(page.locator('main')).toHaveAttribute('data-uses-tf', 'false');
  await expect(page.getByTestId('backend')).toHaveCount(0);
  await expect(page.locator('.pl-head .badge')).toHaveText('float64 JS');
  expect(await loadedTfjs(seen)).toBe(false);
  await expectNoNaN(page);
  // The numbers came from the panel's worker (the page no longer computes them).
  expect(await workerScripts(page)).toEqual([expect.stringMatching(COMPUTE_WORKER)]);
  expect(errors).toEqual([]);
});

test('the degree slider moves the readout, the link and the marker on both error plots', async ({ page }) => {
  await openPanel(page, SLUG);
  const plots = ['Error decomposition against degree', 'Training versus test error'];
  const before = await Promise.all(plots.map((t) => marker(page, t)));
  for (const m of before) expect(m.label).toBe(`degree ${DEFAULTS.degree}`);

  const slider = page.getByTestId('ctl-degree');
  await slider.focus();
  await slider.press('ArrowRight');
  await slider.press('ArrowRight');
  const degree = DEFAULTS.degree + 2;
  await expect(page.getByTestId('ro-degree')).toHaveText(String(degree));
  await waitReady(page);
  await poll(() => urlParam(page, 'degree')).toBe(String(degree));

  const after = await Promise.all(plots.map((t) => marker(page, t)));
  after.forEach((m, i) => {
    expect(m.label).toBe(`degree ${degree}`);
    expect(m.x).toBeGreaterThan(before[i].x);
  });
  // The numbers are the model's at the new degree (same training sets, only another degree shown).
  const r = await computeBiasVariance({ ...DEFAULTS, degree }, { engine: 'float64', design: DEFAULTS.design });
  for (const it of readout(r)) await expect(page.getByTestId(`ro-${it.key}`), it.label).toHaveText(fmt(it.value, 4));
  await expectNoNaN(page);
});

test('more coefficients than points: degree 15 on 10 points is said in words, interpolates, and shows no NaN', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'degree=15&n=10');
  const message = page.getByTestId('panel-message');
  await expect(message).toContainText('16 coefficients');
  await expect(message).toContainText('only 10 points');
  await expect(message).toContainText('minimum-norm');
  // Every training set is interpolated: its training error is zero to rounding.
  expect(await readoutNumber(page, 'trainMse')).toBeLessThan(1e-6);
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});

test('choosing the float32 solver loads tfjs, starts a backend and shows it; the numbers agree with float64', async ({ page }) => {
  const errors = watchErrors(page);
  const seen = watchDownloads(page);
  await openPanel(page, SLUG);
  expect(await loadedTfjs(seen)).toBe(false);

  await page.getByTestId('ctl-engine').selectOption('tf');
  await expect(page.locator('main')).toHaveAttribute('data-uses-tf', 'worker');
  await poll(() => urlParam(page, 'engine')).toBe('tf');
  const badge = page.getByTestId('backend');
  await expect(badge).toHaveAttribute('data-backend', /^(webgl|wasm|cpu)$/, { timeout: 30_000 });
  // The backend shown is the worker's: tfjs runs there, the page never starts its own.
  await expect(badge).toHaveAttribute('data-computed-in', 'worker');
  await expect(page.getByTestId('ro-solver')).toHaveText('float32 tfjs');
  await waitReady(page);
  expect(await loadedTfjs(seen)).toBe(true);

  // Degree 3 on 20 points is well conditioned: float32 agrees with float64 to far better than 0.1%.
  const r = await computeBiasVariance(DEFAULTS, { engine: 'float64', design: DEFAULTS.design });
  for (const it of readout(r)) {
    const shown = await readoutNumber(page, it.key);
    expect(Math.abs(shown - it.value), it.label).toBeLessThanOrEqual(1e-3 * Math.abs(it.value) + halfUnit(await readoutValue(page, it.key)));
  }
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});
