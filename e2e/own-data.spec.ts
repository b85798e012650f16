/**
 * Own CSV data (src/lib/data), in the browser: a good file is previewed and changes the readout;
 * each kind of bad file gets its message and changes nothing (readout and link); a 200-row
 * file's copied link reopened in a fresh page gives the same readout; a 201-row file says the
 * link does not carry it (and its link's receiver sees a message and generated data); an 11 MB
 * file and a 10⁶-row file are refused without freezing the page. Pasted CSV with mapped labels on
 * the precision-recall panel.
 */
import { expect, test, type Page } from '@playwright/test';
import { addressSettled, openPanel, poll, readoutText, readoutValue, urlParam, waitReady, watchErrors } from './helpers';

const file = (name: string, text: string | Buffer) => ({ name, mimeType: 'text/csv', buffer: Buffer.isBuffer(text) ? text : Buffer.from(text) });

/** Two blobs of `n` / 2 points each, with decimals (so the link quantises them). */
function blobsCsv(n: number): string {
  const rows = Array.from({ length: n }, (_, i) => {
    const c = i % 2 ? 4 : -4;
    return `${(c + ((i * 37) % 100) / 40 - 1.25).toFixed(4)},${(c + ((i * 53) % 100) / 40 - 1.25).toFixed(4)}`;
  });
  return `x1,x2\n${rows.join('\n')}\n`;
}

async function upload(page: Page, name: string, text: string | Buffer) {
  await page.getByTestId('csv-file').setInputFiles(file(name, text));
}

test.describe('own CSV data', () => {
  test('k-means: good file, every kind of bad file, the 200-row link, 201 rows, huge files', async ({ page, browser }) => {
    test.setTimeout(90_000);
    const errors = watchErrors(page);
    await openPanel(page, 'k-means', 'dataset=csv&k=2&engine=js&step=200');
    await expect(page.getByText(/No CSV data loaded yet/)).toBeVisible();
    const generated = await readoutText(page);

    await test.step('a good 200-row file: preview, readout, link', async () => {
      await upload(page, 'blobs.csv', blobsCsv(200));
      await expect(page.getByTestId('csv-preview')).toContainText('In use: 200 rows, carried in the link; the first 5.');
      await expect(page.getByTestId('csv-preview').locator('th')).toHaveText(['x1', 'x2']);
      await poll(() => readoutValue(page, 'data')).toBe('200 points · your CSV data');
      await waitReady(page);
      expect(await readoutText(page)).not.toBe(generated);
      await expect(page.getByTestId('ro-sizes')).toHaveText('100 · 100');
      await poll(() => urlParam(page, 'csv')).toMatch(/^1\./);
      // Parsed off the main thread: the page loaded the CSV reader's worker script.
      const workers = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /csv\.worker-[\w-]+\.js$/.test(n)));
      expect(workers.length).toBeGreaterThan(0);
    });

    const good = await readoutText(page);
    const goodCsv = urlParam(page, 'csv');

    await test.step('the copied link, reopened in a fresh page, gives the same readout', async () => {
      await page.getByTestId('copy-link').click();
      const link = await page.getByTestId('copied-link').inputValue();
      expect(new URL(link).search.length).toBeLessThan(4000);
      const fresh = await browser.newPage();
      await fresh.goto(link);
      await waitReady(fresh);
      expect(await readoutText(fresh)).toBe(good);
      await expect(fresh.getByTestId('csv-preview')).toContainText('200 rows, carried in the link');
      await fresh.close();
    });

    await test.step('each kind of bad file: its message, nothing changed', async () => {
      const bad: [string, string | Buffer, RegExp][] = [
        ['empty.csv', '', /The file is empty\./],
        ['photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48]), /not CSV text: it holds binary data/],
        ['columns.csv', 'x1,y\n1,2\n', /Missing column “x2”/],
        ['one.csv', 'just one column\n1\n', /one column only/],
        ['words.csv', 'x1,x2\n1,2\n3,four\n', /Line 3, column “x2”: “four” is not a number\./],
        ['nan.csv', 'x1,x2\n1,NaN\n', /“NaN” is not a finite number/],
        ['inf.csv', 'x1,x2\nInfinity,1\n', /“Infinity” is not a finite number/],
        ['gap.csv', 'x1,x2\n1,2\n,4\n', /Line 3, column “x1” is empty/],
        ['header.csv', 'x1,x2\n', /header but no data rows/],
      ];
      for (const [name, text, message] of bad) {
        await upload(page, name, text);
        await expect(page.getByTestId('csv-error'), name).toHaveText(message);
        await expect(page.getByTestId('csv-error')).toContainText('Nothing was changed.');
        expect(urlParam(page, 'csv'), name).toBe(goodCsv);
        expect(await readoutText(page), name).toBe(good);
      }
    });

    await test.step('11 MB and 10⁶ rows: refused, and the page stays responsive meanwhile', async () => {
      await upload(page, 'huge.csv', Buffer.alloc(11 * 1024 * 1024, 'x1,x2\n1,2\n'));
      await expect(page.getByTestId('csv-error')).toHaveText(/larger than 10 MB; nothing was read/);
      const million = `x1,x2\n${'1.5,2.5\n'.repeat(1_000_000)}`;
      await upload(page, 'million.csv', million);
      // While the worker reads 8 MB, a slider still moves at once.
      const slider = page.getByRole('slider', { name: 'Clusters K' });
      const before = await slider.inputValue();
      const t0 = Date.now();
      await slider.focus();
      await page.keyboard.press('ArrowRight');
      await poll(() => slider.inputValue(), { timeout: 2000 }).not.toBe(before);
      expect(Date.now() - t0).toBeLessThan(2000);
      await expect(page.getByTestId('csv-error')).toHaveText(/More than 100,000 data rows/, { timeout: 20_000 });
      expect(urlParam(page, 'csv')).toBe(goodCsv);
      await page.keyboard.press('ArrowLeft');
      await waitReady(page);
      expect(await readoutText(page)).toBe(good);
    });

    await test.step('201 rows: the link does not carry them; its receiver sees a message and generated data', async () => {
      await upload(page, 'blobs201.csv', blobsCsv(201));
      await expect(page.getByTestId('csv-preview')).toContainText('201 rows, kept in this browser');
      await expect(page.getByText(/This link does not carry your 201 rows/)).toBeVisible();
      await poll(() => readoutValue(page, 'data')).toBe('201 points · your CSV data');
      await poll(() => urlParam(page, 'csv')).toMatch(/^local:201-[0-9a-f]{8}$/);
      const fresh = await browser.newPage();
      await fresh.goto(page.url());
      await waitReady(fresh);
      await expect(fresh.getByText(/201 rows of the sender’s own data/)).toBeVisible();
      await expect(fresh.getByTestId('ro-data')).not.toContainText('your CSV data');
      await fresh.close();
    });

    await test.step('back to generated data', async () => {
      await page.getByTestId('csv-back').click();
      await poll(() => urlParam(page, 'dataset')).toBe('blobs');
      await poll(() => urlParam(page, 'csv')).toBe('');
    });
    expect(errors).toEqual([]);
  });

  test('precision-recall: pasted CSV with named labels, a bad paste, the link', async ({ page, browser }) => {
    const errors = watchErrors(page);
    await openPanel(page, 'precision-recall', 'data=csv&threshold=0.5');
    const paste = page.getByTestId('csv-paste');
    await paste.fill('score;label\n0.9;spam\n0.8;ham\n0.7;spam\n0.3;ham\n0.2;spam\n0.1;ham\n');
    await page.getByTestId('csv-use').click();
    await expect(page.getByTestId('csv-preview')).toContainText('In use: 6 rows, carried in the link; the first 5.');
    await expect(page.getByTestId('csv-preview')).toContainText('Column “label”: “ham” read as 0 and “spam” as 1.');
    await poll(() => readoutValue(page, 'examples')).toBe('6 (3 positive, 50%)');
    await waitReady(page);
    await expect(page.getByTestId('ro-tp')).toHaveText('2');
    await expect(page.getByTestId('ro-fp')).toHaveText('1');
    // The address is written once the page has been still a moment (useUrlSync): copy it then.
    await addressSettled(page);
    const good = await readoutText(page);

    await paste.fill('score,label\n0.9,a\n0.8,b\n0.7,c\n');
    await page.getByTestId('csv-use').click();
    await expect(page.getByTestId('csv-error')).toHaveText(/Column “label” must hold two classes/);
    expect(await readoutText(page)).toBe(good);

    const fresh = await browser.newPage();
    await fresh.goto(page.url());
    await waitReady(fresh);
    expect(await readoutText(fresh)).toBe(good);
    await fresh.close();
    expect(errors).toEqual([]);
  });

  test('bias-variance: pasted x,y; bias² said unknown; held-out test error; the link', async ({ page, browser }) => {
    const errors = watchErrors(page);
    await openPanel(page, 'bias-variance', 'data=csv&degree=1');
    const rows = Array.from({ length: 16 }, (_, i) => `${i},${2 * i + 1}`).join('\n');
    await page.getByTestId('csv-paste').fill(`x,y\n${rows}\n`);
    await page.getByTestId('csv-use').click();
    await expect(page.getByTestId('csv-preview')).toContainText('In use: 16 rows, carried in the link');
    await expect(page.getByTestId('ro-bias2')).toHaveText('unknown: needs the true function');
    await expect(page.getByTestId('ro-sets')).toHaveText('100 × 12 (4)');
    await waitReady(page);
    // A straight line, degree 1: every resample fits it exactly, so the held-out error is 0.
    expect(Number((await readoutValue(page, 'testMse')).replace(/−/g, '-'))).toBeLessThan(1e-9);
    // The address is written once the page has been still a moment (useUrlSync): copy it then.
    await addressSettled(page);
    const good = await readoutText(page);
    const fresh = await browser.newPage();
    await fresh.goto(page.url());
    await waitReady(fresh);
    expect(await readoutText(fresh)).toBe(good);
    await fresh.close();
    expect(errors).toEqual([]);
  });

  test('overfitting: pasted x1,x2,label; split into training and validation; the link', async ({ page, browser }) => {
    const errors = watchErrors(page);
    await openPanel(page, 'overfitting', 'dataset=csv&epoch=40');
    const rows = Array.from({ length: 20 }, (_, i) => `${i % 2 ? 20 + (i >> 1) : i >> 1},${100 + i},${i % 2}`).join('\n');
    await page.getByTestId('csv-paste').fill(`x1,x2,label\n${rows}\n`);
    await page.getByTestId('csv-use').click();
    await expect(page.getByTestId('csv-preview')).toContainText('In use: 20 rows, carried in the link');
    await expect(page.getByTestId('ro-data')).toContainText('your CSV data: 14 training + 6 validation points');
    await waitReady(page);
    // The plane is the learner's columns mapped onto ±1.5, not the moons' x₁, x₂: the axes say so.
    await expect(page.locator('figure').filter({ hasText: 'x1, scaled to ±1.5' }).first()).toBeVisible();
    // The address is written once the page has been still a moment (useUrlSync): copy it then.
    await addressSettled(page);
    const good = await readoutText(page);
    const fresh = await browser.newPage();
    await fresh.goto(page.url());
    await waitReady(fresh);
    expect(await readoutText(fresh)).toBe(good);
    await fresh.close();
    expect(errors).toEqual([]);
  });
});
