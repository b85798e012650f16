import { expect, type Browser, type Page } from '@playwright/test';

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
  // A fresh page typesets its formulas when it is first idle (lib/tex/Tex.tsx), and that moves
  // what lies below them (the experiments, the tour button): a click aimed before it can land
  // on another element. Every formula has its markup once this holds.
  await poll(() => page.evaluate(() => Array.from(document.querySelectorAll('span.tex')).every((s) => s.childNodes.length > 0)), {
    message: 'the formulas should be typeset',
  }).toBe(true);
}

/** Poll intervals for waits on the page's own work (a computation, an address write), which ends
 *  in tens of milliseconds: expect.poll's default backs off to a second between looks. */
export const FAST = [25, 50, 100, 200];

/** expect.poll that looks again soon (FAST), for waits on the page's own work; options as
 *  expect.poll's, and they win. */
export function poll<T>(fn: () => T | Promise<T>, options: { message?: string; timeout?: number; intervals?: number[] } = {}) {
  return expect.poll(fn, { intervals: FAST, ...options });
}

export async function readoutText(page: Page): Promise<string> {
  return (await page.getByTestId('readout').innerText()).trim();
}

/** Waits until the readout text differs from `before`, and returns the new text. */
export async function readoutChangedFrom(page: Page, before: string): Promise<string> {
  // A settled readout with other text: the "computing" state a change passes through does not
  // count, or a control that changes nothing the readout shows would pass whenever a poll
  // happened to land on it. Generous: a replay to a linked step (vanishing-gradients) takes
  // seconds on a loaded 2-core machine.
  const readout = page.getByTestId('readout');
  await expect
    .poll(async () => ((await readout.getAttribute('data-busy')) === 'false' ? readoutText(page) : before), { timeout: 30_000, intervals: FAST })
    .not.toBe(before);
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

/** A query parameter of the page's current address (null when absent). */
export function urlParam(page: Page, key: string): string | null {
  return new URL(page.url()).searchParams.get(key);
}

/** Nothing on the page reads NaN: not the text, not an SVG attribute. */
export async function expectNoNaN(page: Page): Promise<void> {
  expect(await page.locator('body').innerText()).not.toContain('NaN');
  const bad = await page.evaluate(
    () => Array.from(document.querySelectorAll('svg *')).filter((el) => Array.from(el.attributes).some((a) => a.value.includes('NaN'))).length,
  );
  expect(bad).toBe(0);
}

/** The text of one readout row (data-testid="ro-<key>"). */
export async function readoutValue(page: Page, key: string): Promise<string> {
  return (await page.getByTestId(`ro-${key}`).innerText()).trim();
}

/** The first number in a readout row ("−0.25 (of 3)" → -0.25); typographic minus understood. */
export async function readoutNumber(page: Page, key: string): Promise<number> {
  const m = (await readoutValue(page, key)).replace(/−/g, '-').match(/-?\d+(\.\d+)?(e[-+]?\d+)?/i);
  return m ? Number(m[0]) : NaN;
}

/** Waits until the shared player's step readout (data-testid="ro-step") starts with `n`. */
export async function expectStep(page: Page, n: number): Promise<void> {
  await expect.poll(() => readoutNumber(page, 'step'), { message: `the readout should show step ${n}`, intervals: FAST }).toBe(n);
}

/** Waits until the address holds the panel's current state: the page says no write of it is
 *  still to come (app/useUrlSync.ts writes it once the settings have been still for 0.6 s and the
 *  page is idle, so a link copied at once can name an older state). Checked twice, 150 ms apart,
 *  so a setting a computation changes just after the last input is waited for too. */
export async function addressSettled(page: Page): Promise<void> {
  const pending = () => page.evaluate(() => (window as unknown as { __mlAddressPending?: boolean }).__mlAddressPending === true);
  await expect
    .poll(
      async () => {
        if (await pending()) return false;
        await page.waitForTimeout(150);
        return !(await pending());
      },
      { intervals: FAST, message: 'the address should follow the settings' },
    )
    .toBe(true);
}

/** A shared link reproduces the state: the page's address, opened in a fresh page, shows the same readout. */
export async function expectLinkReopens(page: Page, browser: Browser): Promise<void> {
  await addressSettled(page);
  const shown = await readoutText(page);
  const fresh = await browser.newPage();
  try {
    await fresh.goto(page.url());
    await waitReady(fresh);
    expect(await readoutText(fresh)).toBe(shown);
  } finally {
    await fresh.close();
  }
}
