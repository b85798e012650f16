import { expect, type Page } from '@playwright/test';

/** Records console errors and page errors; assert on them at the end of a test. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

/** Waits until the panel has computed: readout present and not busy, backend started. */
export async function waitReady(page: Page): Promise<void> {
  const readout = page.getByTestId('readout');
  await expect(readout).toBeVisible();
  await expect(readout).toHaveAttribute('data-busy', 'false');
  const badge = page.getByTestId('backend');
  if (await badge.count()) await expect(badge).not.toHaveAttribute('data-backend', '');
  // Let a coalesced follow-up run (if any) settle.
  await page.waitForTimeout(50);
  await expect(readout).toHaveAttribute('data-busy', 'false');
}

export async function readoutText(page: Page): Promise<string> {
  return (await page.getByTestId('readout').innerText()).trim();
}

/** Waits until the readout text differs from `before`, and returns the new text. */
export async function readoutChangedFrom(page: Page, before: string): Promise<string> {
  await expect.poll(async () => readoutText(page), { timeout: 15_000 }).not.toBe(before);
  await waitReady(page);
  return readoutText(page);
}

export async function openPanel(page: Page, slug: string, query = ''): Promise<void> {
  await page.goto(`/${slug}/${query ? `?${query}` : ''}`);
  await waitReady(page);
}

export async function liveTensors(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const f = (window as unknown as { __mlTensors?: () => number }).__mlTensors;
    return f ? f() : null;
  });
}
