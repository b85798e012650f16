/**
 * The precision-recall panel's own behaviours: the readout of a known link; precision collapsing
 * at a low base rate while ROC AUC barely moves; the cost-optimal threshold; the degenerate
 * settings (threshold above every score, all one class) said in words, never NaN; dragging the
 * threshold on the score plot; and the real spam data, fetched only when chosen and trained in
 * the panel's worker while the readout says what it computes.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoNaN, openPanel, poll, readoutNumber as num, readoutText, urlParam, waitReady, watchErrors } from './helpers';

const SLUG = 'precision-recall';
const ro = (page: Page, key: string) => page.getByTestId(`ro-${key}`);
const corpusRequested = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType('resource').some((e) => /spam-corpus/.test(e.name)));

test('the default link shows known counts and metrics, and does not fetch the spam corpus', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await page.getByTestId('question-5').locator('a').click();
  await waitReady(page);
  // 2000 scores, 200 positive, threshold 0, seed 1 (the unit tests compute the same).
  await expect(ro(page, 'examples')).toHaveText('2000 (200 positive, 10%)');
  await expect(ro(page, 'tp')).toHaveText('169');
  await expect(ro(page, 'fp')).toHaveText('293');
  await expect(ro(page, 'tn')).toHaveText('1507');
  await expect(ro(page, 'fn')).toHaveText('31');
  await expect(ro(page, 'precision')).toHaveText('0.366');
  await expect(ro(page, 'recall')).toHaveText('0.845');
  await expect(ro(page, 'all-negative')).toHaveText('0.9');
  // ROC AUC and the rank statistic agree.
  expect(await num(page, 'auc')).toBe(await num(page, 'rank-auc'));
  expect(await corpusRequested(page)).toBe(false);
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});

test('rare positives: precision collapses while ROC AUC barely moves', async ({ page }) => {
  await openPanel(page, SLUG, 'prevalence=0.5');
  const precHi = await num(page, 'precision');
  const aucHi = await num(page, 'auc');
  const popAuc = await ro(page, 'pop-auc').innerText();
  await openPanel(page, SLUG, 'prevalence=0.01');
  expect(precHi).toBeGreaterThan(0.8);
  expect(await num(page, 'precision')).toBeLessThan(0.1);
  expect(Math.abs((await num(page, 'auc')) - aucHi)).toBeLessThan(0.05);
  await expect(ro(page, 'pop-auc')).toHaveText(popAuc);
  // Accuracy lies: the all-negative rule is 99% accurate here.
  await expect(ro(page, 'all-negative')).toHaveText('0.99');
});

test('a dearer false positive moves the cost-optimal threshold up', async ({ page }) => {
  await openPanel(page, SLUG, 'costRatio=10');
  await expect(ro(page, 'best-threshold')).toHaveText('2.41');
  await expect(ro(page, 'bayes')).toHaveText('2.25');
  await openPanel(page, SLUG, 'costRatio=0.1');
  expect(await num(page, 'best-threshold')).toBeLessThan(0);
});

test('threshold above every score: precision is undefined and the panel says so', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'threshold=8');
  await expect(ro(page, 'precision')).toHaveText('undefined (0/0)');
  await expect(ro(page, 'recall')).toHaveText('0');
  await expect(page.getByTestId('panel-message')).toContainText('precision is 0/0');
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});

test('all one class: no positives, or no negatives, said in words with no NaN', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'prevalence=0.001&n=100');
  await expect(ro(page, 'examples')).toHaveText('100 (0 positive, 0%)');
  await expect(ro(page, 'recall')).toHaveText('undefined (0/0)');
  await expect(ro(page, 'auc')).toHaveText('undefined (0/0)');
  await expect(ro(page, 'ap')).toHaveText('undefined (0/0)');
  await expect(page.getByTestId('panel-message').first()).toContainText('no positives');
  await expectNoNaN(page);

  await openPanel(page, SLUG, 'prevalence=0.99&n=20');
  await expect(ro(page, 'examples')).toHaveText('20 (20 positive, 100%)');
  await expect(ro(page, 'specificity')).toHaveText('undefined (0/0)');
  await expect(page.getByTestId('panel-message').first()).toContainText('Every example is positive');
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});

test('clicking the score plot moves the threshold', async ({ page }) => {
  await openPanel(page, SLUG);
  const plot = page.locator('figure', { hasText: 'Scores of both classes' }).locator('svg[role="img"]');
  const box = (await plot.boundingBox())!;
  await plot.click({ position: { x: box.width * 0.85, y: box.height * 0.5 } });
  await poll(() => Number(urlParam(page, 'threshold') ?? 0)).toBeGreaterThan(1);
  await waitReady(page);
  expect(await num(page, 'threshold')).toBe(Number(urlParam(page, 'threshold')));
});

test('the spam data loads only when chosen, trains, and the balance slider subsamples it', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await openPanel(page, SLUG);
  expect(await corpusRequested(page)).toBe(false);
  // Training runs in the panel's worker: meanwhile the readout stays, busy, says what it computes
  // for, and still holds the synthetic numbers (never spam ones half-made). Recorded by an
  // observer, so a fast training cannot slip between two looks.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __prSeen: string[] }).__prSeen = seen;
    const look = () => {
      const r = document.querySelector('[data-testid="readout"]');
      const pend = r?.querySelector('[data-testid="ro-pending"]');
      if (r?.getAttribute('data-busy') === 'true' && pend) seen.push(`${pend.textContent} | ${r.querySelector('[data-testid="ro-examples"]')?.textContent}`);
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await page.getByTestId('ctl-data').selectOption('spam');
  await expect(ro(page, 'examples')).toContainText('spam', { timeout: 60_000 });
  await waitReady(page);
  const seen = await page.evaluate(() => (window as unknown as { __prSeen: string[] }).__prSeen);
  expect(seen.some((t) => /^Scores from Real: SpamAssassin emails.* \| 2000 \(200 positive, 10%\)$/.test(t)), seen.join('\n')).toBe(true);
  expect(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => /compute\.worker/.test(e.name)))).toBe(true);
  expect(await corpusRequested(page)).toBe(true);
  expect(urlParam(page, 'data')).toBe('spam');
  expect(await num(page, 'auc')).toBeGreaterThan(0.97);
  // The synthetic-only controls are gone; the balance slider still works on real emails.
  await expect(page.getByTestId('ctl-separation')).toHaveCount(0);
  const before = await ro(page, 'examples').innerText();
  const slider = page.getByTestId('ctl-prevalence');
  await slider.focus();
  for (let k = 0; k < 10; k++) await slider.press('ArrowLeft');
  await expect(ro(page, 'examples')).not.toHaveText(before);
  await waitReady(page);
  await expectNoNaN(page);

  // The link reproduces the same readout (the same split, training and subsample). The address
  // is written a moment after the last key (throttled, then when idle): wait for it to name the
  // slider's value before copying it, or a fast subsample can settle first (a CI flake).
  // (The slider is logarithmic: its value is log10 of the share.)
  const position = Number(await slider.inputValue());
  await poll(() => Math.abs(Math.log10(Number(urlParam(page, 'prevalence'))) - position)).toBeLessThan(0.01);
  const expected = await readoutText(page);
  const fresh = await browser.newPage();
  await fresh.goto(page.url());
  await expect(fresh.getByTestId('ro-examples')).toContainText('spam', { timeout: 60_000 });
  await waitReady(fresh);
  expect(await readoutText(fresh)).toBe(expected);
  await fresh.close();
  expect(errors).toEqual([]);
});
