#!/usr/bin/env node
// `npm test`: type-check, lint, unit tests (vitest), production build, end-to-end tests
// (Playwright in Chromium). Runs every stage even after a failure, then prints the time of each
// stage and the total (also written to test-results/timing.json, with a projection of the time
// for twenty panels), and last one closing line `N passed, N failed` summed over all of them
// (type-check and lint count as one check each). .ci/run relies on that last line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from './browser.mjs';

const only = process.argv[2]; // optional: unit | e2e
// Several checkouts can run side by side: E2E_DIST / E2E_PORT (see playwright.config.ts) and
// TEST_RESULTS (default test-results) keep their builds and reports apart.
const OUT = process.env.TEST_RESULTS ?? 'test-results';
const DIST = process.env.E2E_DIST;
const TARGET_PANELS = 20;
let passed = 0;
let failed = 0;
const lines = [];
/** Seconds per stage, in the order they ran. */
const stages = {};
const t0 = Date.now();

function run(cmd, args, extraEnv = {}) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  return r.status === 0;
}

/** Runs `fn` as the stage `name` and records its wall time. */
function stage(name, fn) {
  const t = Date.now();
  const out = fn();
  stages[name] = (Date.now() - t) / 1000;
  return out;
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

mkdirSync(OUT, { recursive: true });

if (!only) {
  check('type-check (tsc)', stage('tsc', () => run('npx', ['tsc', '--noEmit', '-p', '.'])));
  check('lint (eslint)', stage('eslint', () => run('npx', ['eslint', '.', '--max-warnings=0'])));
}

let unit = null;
if (!only || only === 'unit') {
  rmSync(`${OUT}/unit.json`, { force: true });
  const ok = stage('vitest', () => run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${OUT}/unit.json`]));
  unit = readJson(`${OUT}/unit.json`);
  if (unit) {
    passed += unit.numPassedTests;
    failed += unit.numFailedTests;
    lines.push(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
    if (!ok && unit.numFailedTests === 0) check('vitest run (suite error)', false);
  } else check('vitest run (no report)', false);
}

let e2e = null;
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
  } else if (!stage('build', () => run('npx', ['vite', 'build', '--logLevel', 'warn', ...(DIST ? ['--outDir', DIST, '--emptyOutDir'] : [])]))) {
    check('production build (vite build)', false);
  } else {
    rmSync(`${OUT}/e2e.json`, { force: true });
    stage('e2e', () => run('npx', ['playwright', 'test'], { CI: process.env.CI ?? '' }));
    e2e = readJson(`${OUT}/e2e.json`);
    if (e2e?.stats) {
      const s = e2e.stats;
      passed += s.expected + (s.flaky ?? 0);
      failed += s.unexpected;
      lines.push(`e2e: ${s.expected} passed, ${s.unexpected} failed, ${s.flaky ?? 0} flaky, ${s.skipped} skipped`);
    } else check('playwright (no report)', false);
  }
}

const total = (Date.now() - t0) / 1000;
const timing = { date: new Date().toISOString(), stages, total, ...projection() };
writeFileSync(`${OUT}/timing.json`, `${JSON.stringify(timing, null, 2)}\n`);
const fmtS = (s) => `${s.toFixed(1)} s`.padStart(9);
console.log('\nTime per stage:');
for (const [name, s] of Object.entries(stages)) console.log(`  ${name.padEnd(8)}${fmtS(s)}`);
console.log(`  ${'total'.padEnd(8)}${fmtS(total)}`);
if (timing.projection) {
  const p = timing.projection;
  console.log(`  per panel ${p.perPanel.toFixed(1)} s, fixed ${p.fixed.toFixed(1)} s → ${TARGET_PANELS} panels ≈ ${(p.seconds / 60).toFixed(1)} min (${OUT}/timing.json)`);
}
console.log(`\n${lines.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

/**
 * Splits the measured time into a part per panel and a fixed part, to project the time with
 * TARGET_PANELS panels (only when every stage ran). Each stage's wall time is shared out in
 * proportion to where its work went:
 *  - e2e: the summed duration of each test, a test belonging to the panel whose slug its title
 *    names (the panel's own spec, and the generic, fuzz, soak, stepper, resilience tests for it);
 *  - vitest: the same over test files and test names (src/panels/<slug>/, "link fuzzing: <slug>");
 *  - tsc, eslint, build: by lines of source in each panel's folder against the rest.
 */
function projection() {
  if (only || !e2e?.suites || !e2e.stats?.expected || !unit?.testResults || stages.e2e === undefined) return {};
  const slugs = readdirSync('src/panels').filter((d) => statSync(join('src/panels', d)).isDirectory() && existsSync(join('src/panels', d, 'panel.ts')));
  const owner = (text) => slugs.find((s) => new RegExp(`(^|[^a-z-])${s}([^a-z-]|$)`).test(text));
  const share = (items) => {
    let mine = 0;
    let all = 0;
    for (const { text, seconds } of items) {
      all += seconds;
      if (owner(text)) mine += seconds;
    }
    return all > 0 ? mine / all : 0;
  };
  const e2eItems = [];
  const walk = (suite, path) => {
    for (const s of suite.suites ?? []) walk(s, `${path} ${s.title}`);
    for (const spec of suite.specs ?? []) {
      const seconds = spec.tests.flatMap((t) => t.results).reduce((a, r) => a + r.duration / 1000, 0);
      e2eItems.push({ text: `${path} ${spec.title}`, seconds });
    }
  };
  for (const s of e2e.suites) walk(s, s.title);
  const unitItems = unit.testResults.flatMap((f) =>
    f.assertionResults.map((a) => ({ text: `${f.name} ${a.fullName}`, seconds: (a.duration ?? 0) / 1000 })),
  );
  const srcLines = (dir) =>
    readdirSync(dir, { recursive: true })
      .filter((f) => /\.(ts|tsx|css)$/.test(String(f)))
      .reduce((a, f) => a + readFileSync(join(dir, String(f)), 'utf8').split('\n').length, 0);
  const panelLines = slugs.reduce((a, s) => a + srcLines(join('src/panels', s)), 0);
  const codeShare = panelLines / (srcLines('src') + srcLines('e2e'));
  const shares = { tsc: codeShare, eslint: codeShare, build: codeShare, vitest: share(unitItems), e2e: share(e2eItems) };
  let perPanel = 0;
  let fixed = 0;
  for (const [name, s] of Object.entries(stages)) {
    const k = shares[name] ?? 0;
    perPanel += (s * k) / slugs.length;
    fixed += s * (1 - k);
  }
  fixed += total - Object.values(stages).reduce((a, b) => a + b, 0); // start-up between stages
  return {
    panels: slugs.length,
    e2eTests: e2eItems.length,
    unitTests: unitItems.length,
    projection: { shares, perPanel, fixed, panels: TARGET_PANELS, seconds: fixed + perPanel * TARGET_PANELS },
  };
}
