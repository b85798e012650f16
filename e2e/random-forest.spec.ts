/**
 * The random-forest panel's own behaviours in the production build: the forest (grown in the
 * panel's worker under the CSP) beats its average tree; trees arrive progressively when the
 * forest grows; any tree can be picked, drawn and opened at a deeper split; noise features
 * collect impurity importance but not permutation importance; bootstrap off has no OOB error.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoNaN, openPanel, poll, readoutNumber, readoutValue, urlParam, waitReady, watchErrors } from './helpers';

const SLUG = 'random-forest';

const workerScripts = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((name) => /\.worker-[\w-]+\.js$/.test(name)));

/** "… · 10 noise columns 0.412 in all" → 0.412 */
async function noiseShare(page: Page, row: string): Promise<number> {
  const m = (await readoutValue(page, row)).replace(/−/g, '-').match(/noise columns (-?[\d.]+) in all/);
  return m ? Number(m[1]) : NaN;
}

test('the default forest beats its average tree, computed in the worker; growing shows trees as they arrive', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG);
  await expect(page.getByTestId('ro-trees')).toHaveText('100');
  const forest = await readoutNumber(page, 'test');
  const single = await readoutNumber(page, 'single');
  expect(forest).toBeGreaterThan(0);
  expect(forest).toBeLessThan(single);
  expect(await readoutNumber(page, 'oob')).toBeLessThan(single);
  await expect(page.locator('[data-computed-in="worker"]')).toHaveCount(1);
  // Two workers (one chunk, loaded twice): the forest's view, and the rest of its permutation importances (permPart.ts).
  const chunks = await workerScripts(page);
  expect(chunks).toHaveLength(2);
  expect(chunks[0]).toMatch(/\/assets\/compute\.worker-[\w-]+\.js$/);
  expect(chunks[1]).toBe(chunks[0]);
  await expect(page.getByTestId('multiples').locator('figure')).toHaveCount(4);
  await expect(page.getByTestId('tree-diagram')).toContainText('Tree 1 drawn');
  await expectNoNaN(page);

  // Record the forest map's titles while it grows from 20 to 200 trees (a slow setting: 500
  // points and 10 noise columns, so growing takes many of the worker's slices). The page draws a
  // growing forest only once it has taken QUIET_MS (quietProgress.ts); this one takes about 0.2 s,
  // too close to that on a fast machine, so the test asks for every view to be drawn.
  await openPanel(page, SLUG, 'n=500&noise=10&trees=20');
  await page.evaluate(() => {
    (window as unknown as { __rfQuietMs: number }).__rfQuietMs = 0;
    const seen: string[] = ((window as unknown as { __rfTitles: string[] }).__rfTitles = []);
    new MutationObserver(() => {
      const t = document.querySelector('[data-testid="plots"] figcaption')?.textContent ?? '';
      if (seen[seen.length - 1] !== t) seen.push(t);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const trees = page.getByTestId('ctl-trees');
  await trees.focus();
  await page.keyboard.press('End');
  await poll(() => urlParam(page, 'trees')).toBe('200');
  await waitReady(page);
  await expect(page.getByTestId('ro-trees')).toHaveText('200');
  const titles = await page.evaluate(() => (window as unknown as { __rfTitles: string[] }).__rfTitles);
  const partial = titles.map((t) => /growing, (\d+) of 200/.exec(t)).filter((m) => m !== null).map((m) => Number(m[1]));
  expect(partial.length, `titles seen: ${titles.join(' | ')}`).toBeGreaterThan(0);
  expect(partial.every((k) => k >= 20 && k < 200)).toBe(true);
  await expect(page.locator('[data-testid="plots"] figcaption').first()).toHaveText('Forest of 200 trees: mean P(class 1)');
  expect(errors).toEqual([]);
});

test('pick a tree: its readout, its drawing, a deeper split opened and closed; a shared link reopens it', async ({ page, browser }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'tree=7');
  await expect(page.getByTestId('tree-diagram')).toContainText('Tree 7 drawn');
  const picked = await readoutValue(page, 'picked');
  expect(picked).toMatch(/^test error 0\.\d{3} · \d+ leaves, depth \d+ · \d+ of 300 points out of its bag$/);
  // A split below the root opens the drawing there, and the way back is offered.
  await page.locator('[data-testid="tree-diagram"] button.rf-node').first().click();
  await expect(page.getByTestId('tree-root')).toBeVisible();
  await expect(page.getByTestId('tree-diagram')).toContainText(/Below x[₁₂] [≤>]/);
  await page.getByTestId('tree-root').click();
  await expect(page.getByTestId('tree-root')).toHaveCount(0);

  const tree = page.getByTestId('ctl-tree');
  await tree.focus();
  await page.keyboard.press('ArrowRight');
  await poll(() => urlParam(page, 'tree')).toBe('8');
  await waitReady(page);
  await expect(page.getByTestId('tree-diagram')).toContainText('Tree 8 drawn');
  expect(await readoutValue(page, 'picked')).not.toBe(picked);

  const fresh = await browser.newPage();
  await fresh.goto(page.url());
  await waitReady(fresh);
  expect(await readoutValue(fresh, 'picked')).toBe(await readoutValue(page, 'picked'));
  await fresh.close();
  expect(errors).toEqual([]);
});

test('noise features take impurity importance, not permutation importance; bootstrap off has no OOB error', async ({ page }) => {
  const errors = watchErrors(page);
  await openPanel(page, SLUG, 'noise=10&features=1');
  const impurity = await noiseShare(page, 'impurity');
  const permutation = await noiseShare(page, 'permutation');
  expect(impurity).toBeGreaterThan(0.3);
  // Summed over the ten columns: no accuracy lost (shuffling noise can even help a little).
  expect(permutation).toBeLessThan(0.02);
  await expect(page.getByTestId('importances').locator('figure')).toHaveCount(2);
  await expectNoNaN(page);

  await openPanel(page, SLUG, 'bootstrap=false&features=all&trees=20');
  await expect(page.getByTestId('ro-oob')).toHaveText('— (bootstrap off: no point is out of bag)');
  await expect(page.getByTestId('panel-message')).toContainText('all trees are the same tree');
  expect(await readoutNumber(page, 'test')).toBe(await readoutNumber(page, 'single'));
  await expectNoNaN(page);
  expect(errors).toEqual([]);
});
