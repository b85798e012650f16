/**
 * Interview mode (issue 15) on every panel in the registry: the answer's "show me" links move the
 * panel to their state; a check is answered, revealed (the panel moves to the deciding state) and
 * counted in the progress the home page shows (kept in the browser), which can be cleared.
 */
import { expect, test } from '@playwright/test';
import { openPanel, poll, readoutText, waitReady, watchErrors } from './helpers';
import { UNDER_TEST } from './registry';

/** Every panel in the registry (issue 15): each must show an answer and its checks. */
const WITH_INTERVIEW = UNDER_TEST.map((b) => b.slug);

for (const slug of WITH_INTERVIEW) {
  test(`${slug}: show-me links apply their states; a check is committed, revealed and counted on the home page`, async ({ page }) => {
    const errors = watchErrors(page);
    await openPanel(page, slug);
    const answer = page.getByTestId('answer');
    const links = answer.getByTestId('show-me');
    expect(await links.count()).toBeGreaterThanOrEqual(2);
    // Every show-me link: the address becomes its state, and the readout follows. A link may name
    // the default state (the claim is shown as the panel opens), but at least two must show
    // something else, and not the same thing.
    const shown = new Set([await readoutText(page)]);
    for (let i = 0; i < (await links.count()); i++) {
      const href = (await links.nth(i).getAttribute('href'))!;
      await links.nth(i).click();
      await poll(() => new URL(page.url()).search).toBe(new URL(href, page.url()).search);
      await waitReady(page);
      shown.add(await readoutText(page));
    }
    expect(shown.size, 'readouts: the default state and at least two show-me states').toBeGreaterThanOrEqual(3);
    const checks = page.getByTestId('check');
    expect(await checks.count()).toBeGreaterThanOrEqual(3);
    // Answer the first check with the keyboard: choose, commit, see the result and the state.
    const first = checks.first();
    await expect(first.getByTestId('check-commit')).toBeDisabled();
    await first.locator('input[type="radio"]').first().check();
    await first.getByTestId('check-commit').focus();
    await page.keyboard.press('Enter');
    await expect(first.getByTestId('check-result')).toBeVisible();
    await expect(first).toHaveAttribute('data-revealed', 'true');
    await waitReady(page);
    // Every check can be answered and revealed.
    for (let i = 1; i < (await checks.count()); i++) {
      await checks.nth(i).locator('input[type="radio"]').last().check();
      await checks.nth(i).getByTestId('check-commit').click();
      await expect(checks.nth(i).getByTestId('check-result')).toBeVisible();
    }
    const n = await checks.count();
    await page.getByRole('link', { name: 'ML Intuition' }).click();
    await expect(page.getByTestId('progress')).toContainText(`of ${n} checks answered right`);
    await expect(page.getByTestId(`progress-${slug}`)).toContainText(/Opened · \d of \d checks right/);
    await page.getByTestId('progress-clear').click();
    await expect(page.getByTestId('progress')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
}

test('the answer and checks come into the embed view when asked for (show=answer)', async ({ page }) => {
  await openPanel(page, WITH_INTERVIEW[0], 'embed=1&show=answer');
  await expect(page.locator('.workbench [data-testid="answer"]')).toBeVisible();
  await expect(page.locator('.workbench [data-testid="check"]').first()).toBeVisible();
  await openPanel(page, WITH_INTERVIEW[0], 'embed=1');
  await expect(page.getByTestId('answer')).toHaveCount(0);
});
