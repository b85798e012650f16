// Finds a Chromium for Playwright: $CHROMIUM_PATH, then the system's (Debian's `chromium`),
// then Playwright's own download. Shared by playwright.config.ts, the test runner and the bench.
import { existsSync } from 'node:fs';

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  return null;
}

export const CHROMIUM_ARGS = [
  // Quiet on a closed network: no background requests that would be refused.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--no-sandbox',
];
