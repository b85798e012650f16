import { defineConfig } from '@playwright/test';
// @ts-expect-error plain ESM helper without types
import { CHROMIUM_ARGS, findChromium } from './scripts/browser.mjs';

const executablePath: string | undefined = findChromium() ?? undefined;
const PORT = Number(process.env.E2E_PORT ?? 4173);
// Several checkouts or engineers can test side by side: E2E_DIST=/tmp/dist-x E2E_PORT=4301.
const DIST = process.env.E2E_DIST ?? 'dist';
// Where the JSON report and failure artefacts go (scripts/test.mjs reads the report from there).
const RESULTS = process.env.TEST_RESULTS ?? 'test-results';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  // One retry in CI: a shared 2-core machine makes timing-sensitive play tests occasionally
  // flaky; a retried pass is reported as flaky in test-results/e2e.json, never hidden.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: `${RESULTS}/e2e.json` }]],
  outputDir: `${RESULTS}/artifacts`,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    viewport: { width: 1440, height: 900 },
    // The offline service worker would precache the whole build on every test's first page;
    // only the offline test (e2e/sharing.spec.ts) lets it run.
    serviceWorkers: 'block',
    trace: 'off',
    video: 'off',
  },
  webServer: {
    command: `npx vite preview --outDir ${DIST} --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
