#!/usr/bin/env node
// `npm test`: type-check, lint, unit tests (vitest), production build, end-to-end tests
// (Playwright in Chromium). Runs every stage even after a failure, then prints one closing line
// `N passed, N failed` summed over all of them (type-check and lint count as one check each).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium } from './browser.mjs';

const only = process.argv[2]; // optional: unit | e2e
let passed = 0;
let failed = 0;
const lines = [];

function run(cmd, args, extraEnv = {}) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  return r.status === 0;
}

function check(name, ok) {
  if (ok) passed++;
  else failed++;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

mkdirSync('test-results', { recursive: true });

if (!only) {
  check('type-check (tsc)', run('npx', ['tsc', '--noEmit', '-p', '.']));
  check('lint (eslint)', run('npx', ['eslint', '.', '--max-warnings=0']));
}

if (!only || only === 'unit') {
  rmSync('test-results/unit.json', { force: true });
  const ok = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json']);
  const j = readJson('test-results/unit.json');
  if (j) {
    passed += j.numPassedTests;
    failed += j.numFailedTests;
    lines.push(`unit: ${j.numPassedTests} passed, ${j.numFailedTests} failed`);
    if (!ok && j.numFailedTests === 0) check('vitest run (suite error)', false);
  } else check('vitest run (no report)', false);
}

if (!only || only === 'e2e') {
  const chromium = findChromium();
  let pwBrowser = false;
  if (!chromium) {
    try {
      const { chromium: pw } = await import('@playwright/test');
      pwBrowser = existsSync(pw.executablePath());
    } catch {
      pwBrowser = false;
    }
  }
  if (!chromium && !pwBrowser) {
    console.error(
      '\nNo Chromium found for the end-to-end tests.\n' +
        '  On Debian/Ubuntu:  sudo apt-get install -y chromium   (used from /usr/bin/chromium)\n' +
        '  Elsewhere:         npx playwright install chromium\n' +
        '  Or point CHROMIUM_PATH at a Chromium or Chrome binary.\n',
    );
    check('end-to-end tests (no browser found)', false);
  } else if (!run('npx', ['vite', 'build', '--logLevel', 'warn'])) {
    check('production build (vite build)', false);
  } else {
    rmSync('test-results/e2e.json', { force: true });
    run('npx', ['playwright', 'test'], { CI: process.env.CI ?? '' });
    const j = readJson('test-results/e2e.json');
    if (j?.stats) {
      const s = j.stats;
      passed += s.expected + (s.flaky ?? 0);
      failed += s.unexpected;
      lines.push(`e2e: ${s.expected} passed, ${s.unexpected} failed, ${s.flaky ?? 0} flaky, ${s.skipped} skipped`);
    } else check('playwright (no report)', false);
  }
}

console.log(`\n${lines.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
