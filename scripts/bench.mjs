#!/usr/bin/env node
// `npm run bench`: a benchmark, not a test. Builds the app (BENCH=1), serves it, and measures in
// headless Chromium, per panel:
// - the original figures: one slider's synthetic input → painted frame, the model's compute time,
//   live tensors after 200 key presses, gzip JavaScript per route from the build manifest;
// - per slider in the workbench controls, driven with the keyboard (issue 8): input-to-paint
//   (keydown → first change of the readout → the frame after it) and input-to-result (keydown →
//   readout data-busy="false" with new text → the frame after it), p50 / p95;
// - link-open: navigation start → readout showing the linked state, for the default link and each
//   "Try this" link, over fresh loads;
// - each panel's own figures (src/panels/<slug>/bench.ts), e.g. the overfitting epochs/s.
// Writes <BENCH_OUT>/latest.json and latest.md (columns: bench/results/README-columns.md).
// Env: BENCH_PANELS=slug,slug  BENCH_INPUTS (per slider, 120)  BENCH_LOADS (per link, 5)
//      BENCH_PORT (4199)  BENCH_DIST (dist)  BENCH_OUT (bench/results)  BENCH_SKIP_BUILD=1
//      BENCH_ANCHOR_SAMPLING=off|shipped|all (off; see ANCHOR_FLAGS)
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './browser.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4199);
const DIST = process.env.BENCH_DIST ?? 'dist';
const OUT = process.env.BENCH_OUT ?? 'bench/results';
const INPUTS = Number(process.env.BENCH_INPUTS ?? 120);
const LOADS = Number(process.env.BENCH_LOADS ?? 5);
// Idle time (ms) after a press has settled, before the next one: a person tapping an arrow key.
// Without it a press lands in the frame slot just used by the last press's paint and waits for
// the next one, so even a bare page reads p95 ≈ 17 ms (with it: 3.6–4.4 ms, as issue 8 quotes).
const GAP = Number(process.env.BENCH_GAP ?? 100);
const PANELS = process.env.BENCH_PANELS ? process.env.BENCH_PANELS.split(',') : null;
// BENCH_PARTS=figures,synthetic,sliders,links (default: all): which tables to measure.
const PARTS = new Set((process.env.BENCH_PARTS ?? 'figures,synthetic,sliders,links').split(','));
const wanted = (slug) => !PANELS || PANELS.includes(slug);
// Chromium's navigation predictor watches a random sample of the links a page inserts (1 in 100
// in Chromium's source) with an IntersectionObserver that may run at most every 100 ms. Once a
// page has one such link, a frame that lays out within 100 ms of the last check sets a timer,
// and the timer asks for a frame of its own about 100 ms later; a press that comes while the
// compositor still ticks from that frame waits for the next vsync (up to 16.7 ms). Panels have
// 18–20 links: some page loads get it and most do not, so which slider is slow is a dice roll
// per run (bench/results/stop37/README.md traces it). `off` measures the page alone and is the
// default, so that two runs of one build agree; `shipped` is Chromium as it comes; `all` watches
// every link (the worst case a learner's browser can be in).
const ANCHOR_FLAGS = {
  off: ['--disable-features=NavigationPredictor'],
  shipped: [],
  all: ['--enable-features=NavigationPredictor:random_anchor_sampling_period/1'],
};
const ANCHOR_SAMPLING = process.env.BENCH_ANCHOR_SAMPLING ?? 'off';
if (!ANCHOR_FLAGS[ANCHOR_SAMPLING]) throw new Error(`BENCH_ANCHOR_SAMPLING must be one of ${Object.keys(ANCHOR_FLAGS).join(', ')}`);
const BASE = `http://127.0.0.1:${PORT}`;
// Per key press: give up on a readout change / a settled result after this long (ms). After
// GIVE_UP presses in a row that time out, the slider is reported as not moving the readout.
const PAINT_TIMEOUT = 5_000;
const RESULT_TIMEOUT = 15_000;
const GIVE_UP = 3;
// Which slider each panel is timed on (its most-used control); default: the first slider.
const SLIDER = {
  'bias-variance': 'ctl-degree',
  'gradient-descent': 'ctl-lr',
  'precision-recall': 'ctl-threshold',
  'cross-validation': 'ctl-k',
  'k-means': 'ctl-k',
  regularization: 'ctl-lambda',
  attention: 'ctl-dk',
};
// The first slider of the controls, never the player's scrub slider.
const FIRST_SLIDER = '[data-testid="controls"] input[type="range"]:not([data-testid="scrub"])';

const quant = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const median = (xs) => quant(xs, 0.5);

function bundleSizes(slugs) {
  const manifest = JSON.parse(readFileSync(`${DIST}/.vite/manifest.json`, 'utf8'));
  const gz = (file) => gzipSync(readFileSync(`${DIST}/${file}`)).length;
  const closure = (key, seen = new Set()) => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const imp of manifest[key]?.imports ?? []) closure(imp, seen);
    return seen;
  };
  const jsOf = (keys) => [...keys].reduce((sum, k) => sum + gz(manifest[k].file), 0);
  const entry = closure('index.html');
  const out = { home: jsOf(entry) };
  for (const slug of slugs) {
    const key = Object.keys(manifest).find((k) => k === `src/panels/${slug}/panel.ts`);
    if (key) out[slug] = jsOf(new Set([...entry, ...closure(key)]));
  }
  const wasm = Object.values(manifest).flatMap((m) => (m.file.endsWith('.wasm') ? [m.file] : []));
  out.wasmFiles = Object.fromEntries(wasm.map((f) => [f, gz(f)]));
  return out;
}

async function timeSlider(page, testId) {
  return page.evaluate(
    async ({ testId, inputs, first }) => {
      const el = testId ? document.querySelector(`[data-testid="${testId}"]`) : document.querySelector(first);
      const readout = document.querySelector('[data-testid="readout"]');
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      const settled = () =>
        new Promise((resolve) => {
          const check = () => readout.getAttribute('data-busy') === 'false';
          if (check()) return resolve();
          const mo = new MutationObserver(() => check() && (mo.disconnect(), resolve()));
          mo.observe(readout, { attributes: true });
        });
      const lo = Number(el.min), hi = Number(el.max), step = Number(el.step) || 1;
      const times = [], compute = [];
      let v = Number(el.value);
      let dir = 1;
      for (let i = 0; i < inputs; i++) {
        if (v + dir * step > hi || v + dir * step < lo) dir = -dir;
        v += dir * step;
        const before = readout.textContent;
        const t0 = performance.now();
        setter.call(el, String(v));
        el.dispatchEvent(new Event('input', { bubbles: true }));
        // Wait for React to commit a new readout, the computation to settle, then the next paint.
        const t1 = performance.now();
        while (readout.textContent === before && performance.now() - t1 < 2000) await new Promise((r) => setTimeout(r, 0));
        await settled();
        await frame();
        times.push(performance.now() - t0);
        compute.push(globalThis.__mlComputeMs ?? NaN);
        await new Promise((r) => setTimeout(r, 20));
      }
      return { times, compute };
    },
    { testId, inputs: INPUTS, first: FIRST_SLIDER },
  );
}

// Installed before the app's own scripts on every page (Playwright init script, outside the CSP).
// `presented(fn)`: fn(time) runs in the first task after the frame that shows the current DOM is
// rendered. A change made during a frame's animation-frame callbacks is in that frame; any other
// change waits for the next one. rAF is wrapped only to know which of the two we are in.
function probe() {
  const B = (window.__bench = { armed: null, ready: null, settledText: null, changedAfterReady: 0, progressAt: null });
  const origRaf = window.requestAnimationFrame.bind(window);
  const afterTask = (fn) => {
    const c = new MessageChannel();
    c.port1.onmessage = () => fn(performance.now());
    c.port2.postMessage(0);
  };
  let inFrame = false;
  const enterFrame = () => {
    if (inFrame) return;
    inFrame = true;
    afterTask(() => (inFrame = false));
  };
  window.requestAnimationFrame = (cb) => origRaf((t) => (enterFrame(), cb(t)));
  const presented = (fn) => (inFrame ? afterTask(fn) : origRaf(() => (enterFrame(), afterTask(fn))));
  const readout = () => document.querySelector('[data-testid="readout"]');
  // Link-open: the first time the readout exists with data-busy="false", then the frame after.
  // Afterwards, count text changes while nobody touches the page (an "open" that keeps moving).
  // A link whose replay is longer says so: "replaying to step N" with a progress bar or count.
  const REPLAY = 'main progress, [data-testid="ro-progress"], [data-testid="progress"], [data-testid="replaying"]';
  const onDom = () => {
    if (B.progressAt == null && !B.ready && document.querySelector(REPLAY)) B.progressAt = performance.now();
    const ro = readout();
    if (!ro || ro.getAttribute('data-busy') !== 'false') return;
    if (!B.ready) {
      B.ready = { at: performance.now(), text: ro.textContent };
      presented((t) => (B.ready.painted = t));
    } else if (!B.armed && ro.textContent !== B.ready.text) {
      B.ready.text = ro.textContent;
      B.changedAfterReady++;
    }
  };
  new MutationObserver(onDom).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-busy'] });
  // Key presses: arm() before each press, then wait() for both marks.
  document.addEventListener(
    'keydown',
    (e) => {
      const a = B.armed;
      if (!a || a.t0 != null) return;
      const now = performance.now();
      // The event's own time stamp includes its wait in the queue; fall back if it is off.
      a.t0 = e.timeStamp > 0 && e.timeStamp <= now && now - e.timeStamp < 1000 ? e.timeStamp : now;
    },
    true,
  );
  // Key presses: arm() before each press, then wait() for both marks (or a timeout).
  B.arm = () => {
    const ro = readout();
    const a = (B.armed = { before: ro.textContent, t0: null, paint: null, fresh: null, result: null, early: false, check: () => {} });
    const mark = (key) => presented((t) => ((a[key] = t - a.t0), a.check()));
    a.mo = new MutationObserver(() => {
      const changed = ro.textContent !== a.before;
      if (a.t0 == null) return void (changed && (a.early = true)); // the readout moved on its own
      if (!a.sawText) {
        if (!changed) return;
        a.sawText = true;
        mark('paint');
      }
      // Once the readout has shown the press, its text may come back to what it was: a setting
      // that does not move these numbers (a k used only by a method not shown) still settles.
      // The new setting's own numbers: no "computing for" row left (the first training progress
      // for a panel that trains; the result itself for one that does not).
      // A replay that trains toward a step names its progress beside the pending row (ro-progress):
      // its first appearance is the new run's first visible progress.
      if (!a.sawFresh && (!ro.querySelector('[data-testid="ro-pending"]') || ro.querySelector('[data-testid="ro-progress"]'))) {
        a.sawFresh = true;
        mark('fresh');
      }
      if (!a.sawResult && ro.getAttribute('data-busy') === 'false') {
        a.sawResult = true;
        mark('result');
        if (!a.sawFresh) {
          a.sawFresh = true;
          mark('fresh');
        }
      }
    });
    a.mo.observe(ro, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-busy'] });
  };
  B.wait = (paintTimeout, resultTimeout) =>
    new Promise((resolve) => {
      const a = B.armed;
      const timers = [];
      const finish = () => {
        if (a.done) return;
        a.done = true;
        timers.forEach(clearTimeout);
        a.mo.disconnect();
        B.armed = null;
        resolve({ paint: a.paint, fresh: a.fresh, result: a.result, early: a.early, pressed: a.t0 != null });
      };
      a.check = () => a.paint != null && a.fresh != null && a.result != null && finish();
      a.check();
      if (B.armed !== a) return;
      timers.push(setTimeout(() => a.sawText || finish(), paintTimeout), setTimeout(finish, resultTimeout));
    });
}

/** Every slider of the workbench controls (not the player's scrub) on a freshly loaded page. */
async function listSliders(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="controls"] input[type="range"]')]
      .map((el, i) => ({ i, id: el.getAttribute('data-testid'), label: el.closest('.ctl')?.querySelector('.ctl-label span')?.textContent ?? null, disabled: el.disabled, shown: el.getClientRects().length > 0 }))
      .filter((s) => s.id !== 'scrub'),
  );
}

async function openPanel(page, url) {
  await page.goto(url);
  await page.waitForSelector('[data-testid="readout"][data-busy="false"]', { timeout: 60_000 });
}

/** Presses arrow keys on one slider `inputs` times (sweeping to an end and back). */
async function timeSliderKeys(page, slider, inputs, warmup) {
  const loc = page.locator('[data-testid="controls"] input[type="range"]').nth(slider.i);
  await loc.scrollIntoViewIfNeeded();
  await loc.focus();
  let dir = 'ArrowRight';
  const paint = [], fresh = [], result = [];
  let early = 0, misses = 0, inARow = 0;
  const value = () => loc.evaluate((el) => ({ v: Number(el.value), lo: Number(el.min), hi: Number(el.max), step: Number(el.step) || 1 }));
  for (let k = 0, turns = 0; k < warmup + inputs && turns < 4; ) {
    await page.waitForSelector('[data-testid="readout"][data-busy="false"]', { timeout: 60_000 });
    if (GAP > 0) await page.waitForTimeout(GAP);
    // Turn at either end (the step grid may stop short of max), so every press moves the slider.
    const { v, lo, hi, step } = await value();
    if (dir === 'ArrowRight' && v + step > hi + 1e-9) dir = 'ArrowLeft';
    else if (dir === 'ArrowLeft' && v - step < lo - 1e-9) dir = 'ArrowRight';
    await page.evaluate(() => window.__bench.arm());
    await page.keyboard.press(dir);
    const r = await page.evaluate(([p, q]) => window.__bench.wait(p, q), [PAINT_TIMEOUT, RESULT_TIMEOUT]);
    if ((await value()).v === v) {
      // The press did not move the slider: not an input; go the other way.
      dir = dir === 'ArrowRight' ? 'ArrowLeft' : 'ArrowRight';
      turns++;
      continue;
    }
    turns = 0;
    if (r.early) early++;
    const miss = r.paint == null;
    inARow = miss ? inARow + 1 : 0;
    if (k >= warmup) {
      if (miss) misses++;
      paint.push(r.paint ?? Infinity);
      fresh.push(r.fresh ?? Infinity);
      result.push(r.result ?? Infinity);
    }
    k++;
    if (inARow >= GIVE_UP) break;
  }
  return { paint, fresh, result, early, misses, gaveUp: inARow >= GIVE_UP };
}

/** Fresh loads of one link (new browser context each: cold cache, new process state). */
async function timeLinkOpen(browser, url, loads) {
  const ready = [], changed = [], progress = [];
  for (let k = 0; k < loads; k++) {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
    await ctx.addInitScript(probe);
    const page = await ctx.newPage();
    try {
      await page.goto(url, { waitUntil: 'commit' });
      // performance.now() counts from the navigation's time origin.
      await page.waitForFunction(() => window.__bench?.ready?.painted != null, null, { timeout: 60_000, polling: 50 });
      ready.push(await page.evaluate(() => window.__bench.ready.painted));
      progress.push(await page.evaluate(() => window.__bench.progressAt));
      // Watch one more second: does the "opened" state keep changing by itself?
      await page.waitForTimeout(1000);
      changed.push(await page.evaluate(() => window.__bench.changedAfterReady));
    } catch {
      ready.push(Infinity);
    } finally {
      await ctx.close();
    }
  }
  return { ready, changed, progress };
}

/** Per slider and per link of one panel (issue 8's measurement). */
async function interactPanel(browser, slug) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
  await ctx.addInitScript(probe);
  const page = await ctx.newPage();
  const sliderRows = [], linkRows = [];
  const links = [{ link: 'default', href: `/${slug}/` }];
  try {
    await openPanel(page, `${BASE}/${slug}/`);
    const sliders = await listSliders(page);
    for (const x of await page.locator('[data-testid^="experiment-"]').all())
      links.push({ link: await x.getAttribute('data-testid'), href: await x.getAttribute('href') });
    for (const s of PARTS.has('sliders') ? sliders : []) {
      const name = s.id ?? `slider ${s.i}`;
      if (s.disabled || !s.shown) {
        sliderRows.push({ panel: slug, slider: name, label: s.label, skipped: s.disabled ? 'disabled' : 'hidden' });
        continue;
      }
      console.log(`bench: ${slug} ${name} × ${INPUTS} …`);
      await openPanel(page, `${BASE}/${slug}/`); // each slider from the default state
      const startedAt = new Date().toISOString();
      const r = await timeSliderKeys(page, s, INPUTS, Math.min(10, Math.ceil(INPUTS / 10)));
      sliderRows.push({
        panel: slug, slider: name, label: s.label, inputs: r.paint.length,
        paintP50Ms: median(r.paint), paintP95Ms: quant(r.paint, 0.95),
        freshP50Ms: median(r.fresh), freshP95Ms: quant(r.fresh, 0.95),
        resultP50Ms: median(r.result), resultP95Ms: quant(r.result, 0.95),
        readoutUnchanged: r.misses, readoutMovedBeforeKey: r.early, gaveUp: r.gaveUp,
        // Every press's input→paint, in order, and when the slider began: a p95 over the line
        // can then be told apart as a few slow presses in a row (the machine busy for a moment)
        // or slow presses spread through the run (the panel's own cost).
        startedAt, paintEachMs: r.paint.map((x) => (Number.isFinite(x) ? x.toFixed(1) : 'miss')).join(' '),
      });
    }
  } finally {
    await ctx.close();
  }
  // Only after the slider page has closed: a link is timed as a learner opens it, alone. Left
  // open, a panel can keep working (a training panel trains on, a step-ahead worker prepares its
  // guess) and share the two cores with every load.
  for (const l of PARTS.has('links') ? links : []) {
    console.log(`bench: ${slug} open ${l.link} × ${LOADS} …`);
    const r = await timeLinkOpen(browser, BASE + l.href, LOADS);
    linkRows.push({
      panel: slug, link: l.link, href: l.href, loads: r.ready.length,
      readyP50Ms: median(r.ready), readyP95Ms: quant(r.ready, 0.95),
      loadsChangedAfterReady: r.changed.filter((c) => c > 0).length,
      // Loads that said "replaying" (progress shown before the linked state was ready), and when.
      loadsShowingReplay: r.progress.filter((t) => t != null).length,
      replayShownP95Ms: r.progress.some((t) => t != null) ? quant(r.progress.filter((t) => t != null), 0.95) : null,
    });
  }
  return { sliderRows, linkRows };
}

/** The floor of the method: a bare page whose one native slider writes the readout directly. */
async function bareSlider(browser) {
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  await ctx.addInitScript(probe);
  const page = await ctx.newPage();
  const body = '<div data-testid="controls"><input type="range" id="s"></div><p data-testid="readout" data-busy="false"><span id="o">50</span></p><script>s.oninput = () => (o.textContent = s.value)</script>';
  await page.route('http://bare.test/', (r) => r.fulfill({ contentType: 'text/html', body }));
  await page.goto('http://bare.test/');
  const r = await timeSliderKeys(page, { i: 0 }, INPUTS, 10);
  await ctx.close();
  return { panel: '(bare page)', slider: 'native slider', inputs: r.paint.length, paintP50Ms: median(r.paint), paintP95Ms: quant(r.paint, 0.95), freshP50Ms: median(r.fresh), freshP95Ms: quant(r.fresh, 0.95), resultP50Ms: median(r.result), resultP95Ms: quant(r.result, 0.95), readoutUnchanged: r.misses, readoutMovedBeforeKey: r.early, gaveUp: r.gaveUp };
}

async function waitForServer(server) {
  for (let k = 0; k < 300; k++) {
    if (server.exitCode != null) throw new Error(`vite preview exited (${server.exitCode}); is port ${PORT} taken?`);
    if (await fetch(`${BASE}/`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('vite preview did not answer');
}

async function main() {
  const load0 = loadavg();
  const exe = findChromium();
  if (!exe) throw new Error('No Chromium found (see README: Test it).');
  if (!process.env.BENCH_SKIP_BUILD) {
    const build = ['vite', 'build', '--logLevel', 'warn', '--outDir', DIST, '--emptyOutDir'];
    if (spawnSync('npx', build, { stdio: 'inherit', env: { ...process.env, BENCH: '1' } }).status !== 0) process.exit(1);
  }
  // Panels that exist are the ones with a panel.ts chunk in the build manifest.
  const manifest = JSON.parse(readFileSync(`${DIST}/.vite/manifest.json`, 'utf8'));
  const slugs = Object.keys(manifest).flatMap((k) => k.match(/^src\/panels\/([^/]+)\/panel\.ts$/)?.[1] ?? []);
  // Node runs vite directly (not through npx), so that killing it really stops the server.
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--outDir', DIST, '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore' });
  const browser = await chromium.launch({ executablePath: exe, args: [...CHROMIUM_ARGS, ...ANCHOR_FLAGS[ANCHOR_SAMPLING]] });
  const rows = [], panelRows = [], sliderRows = [], linkRows = [];
  try {
    await waitForServer(server);
    // Each panel's own figures (src/panels/<slug>/bench.ts), run in the browser.
    const bp = await browser.newPage();
    await bp.goto(`${BASE}/bench.html`);
    await bp.waitForSelector('body[data-ready="true"]');
    const benchSlugs = await bp.evaluate(() => globalThis.__benchSlugs);
    for (const slug of PARTS.has('figures') ? benchSlugs.filter(wanted) : []) {
      console.log(`bench: ${slug} …`);
      const { backend, rows: r } = await bp.evaluate((s) => globalThis.__runBench(s), slug);
      for (const row of r) panelRows.push({ panel: slug, backend, ...row });
    }
    await bp.close();
    if (PARTS.has('sliders')) sliderRows.push(await bareSlider(browser));
    for (const slug of slugs.filter(wanted)) {
      if (PARTS.has('sliders') || PARTS.has('links')) {
        const r = await interactPanel(browser, slug);
        sliderRows.push(...r.sliderRows);
        linkRows.push(...r.linkRows);
      }
      if (!PARTS.has('synthetic')) continue;
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await openPanel(page, `${BASE}/${slug}/`);
      const backend = await page.getAttribute('[data-testid="backend"]', 'data-backend', { timeout: 1000 }).catch(() => null);
      await timeSlider(page, SLIDER[slug]); // warm-up (JIT, first tfjs kernels)
      const { times, compute } = await timeSlider(page, SLIDER[slug]);
      const t0 = await page.evaluate(() => globalThis.__mlTensors?.() ?? null);
      const sel = SLIDER[slug] ? `[data-testid="${SLIDER[slug]}"]` : FIRST_SLIDER;
      await page.locator(sel).first().focus();
      for (let k = 0; k < 200; k++) await page.keyboard.press(k % 2 ? 'ArrowLeft' : 'ArrowRight');
      await page.waitForSelector('[data-testid="readout"][data-busy="false"]');
      await page.waitForTimeout(500);
      const t1 = await page.evaluate(() => globalThis.__mlTensors?.() ?? null);
      rows.push({
        panel: slug,
        slider: SLIDER[slug] ?? 'first',
        backend,
        inputToPaintMedianMs: median(times),
        inputToPaintP95Ms: quant(times, 0.95),
        computeMedianMs: median(compute),
        computeP95Ms: quant(compute, 0.95),
        tensorsBefore: t0,
        tensorsAfter200: t1,
      });
      await page.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
  const sizes = bundleSizes(slugs);
  const load1 = loadavg();
  const result = {
    date: new Date().toISOString(),
    inputs: INPUTS,
    loads: LOADS,
    panels: PANELS,
    machine: `${process.platform} ${process.arch}, ${cpus().length} CPUs`,
    anchorSampling: ANCHOR_SAMPLING,
    loadAvgStart: load0,
    loadAvgEnd: load1,
    rows,
    sliderRows,
    linkRows,
    panelRows,
    gzipJsBytes: sizes,
  };
  mkdirSync(OUT, { recursive: true });
  // JSON has no Infinity: a timed-out press or load is written as null there.
  writeFileSync(`${OUT}/latest.json`, JSON.stringify(result, (k, v) => (v === Infinity ? null : v), 2));
  const md = markdown(result, sizes);
  writeFileSync(`${OUT}/latest.md`, md);
  console.log(md);
}

function markdown(result, sizes) {
  const f = (x) => (x == null || Number.isNaN(x) ? '—' : x === Infinity ? 'timeout' : x.toFixed(1));
  const kb = (b) => (b / 1024).toFixed(1);
  const la = (l) => l.map((x) => x.toFixed(2)).join(' / ');
  const { rows, sliderRows, linkRows, panelRows } = result;
  let md = `# Benchmark (${result.date})\n\n`;
  md += `Headless Chromium, ${result.machine}${result.panels ? `, panels: ${result.panels.join(', ')}` : ''}. `;
  md += `Navigation predictor's link sampling: ${result.anchorSampling ?? 'shipped'}. `;
  md += `Load average (1 / 5 / 15 min) at start ${la(result.loadAvgStart)}, at end ${la(result.loadAvgEnd)}. `;
  md += 'Columns: bench/results/README-columns.md.\n\n';
  md += `## Sliders, keyboard (${result.inputs} presses per slider after a warm-up)\n\n`;
  md += '| panel | slider | input→paint p50 ms | p95 ms | input→new numbers p50 ms | p95 ms | input→result p50 ms | p95 ms | presses | readout unchanged | moved before key |\n|---|---|---|---|---|---|---|---|---|---|---|\n';
  for (const r of sliderRows) {
    if (r.skipped) md += `| ${r.panel} | ${r.slider} | ${r.skipped} | | | | | | | | |\n`;
    else md += `| ${r.panel} | ${r.slider} | ${f(r.paintP50Ms)} | ${f(r.paintP95Ms)} | ${f(r.freshP50Ms)} | ${f(r.freshP95Ms)} | ${f(r.resultP50Ms)} | ${f(r.resultP95Ms)} | ${r.inputs}${r.gaveUp ? ' (gave up)' : ''} | ${r.readoutUnchanged} | ${r.readoutMovedBeforeKey} |\n`;
  }
  md += `\n## Link open (${result.loads} fresh loads per link)\n\n`;
  md += '| panel | link | navigation→readout ready p50 ms | p95 ms | loads whose readout changed in the next second | loads showing replay progress before ready | replay shown p95 ms |\n|---|---|---|---|---|---|---|\n';
  for (const r of linkRows) md += `| ${r.panel} | [${r.link}](${r.href}) | ${f(r.readyP50Ms)} | ${f(r.readyP95Ms)} | ${r.loadsChangedAfterReady} of ${r.loads} | ${r.loadsShowingReplay ?? 0} of ${r.loads} | ${r.replayShownP95Ms == null ? '—' : f(r.replayShownP95Ms)} |\n`;
  const speed = panelRows.filter((r) => r.unit === 'epochs/s');
  if (speed.length) {
    md += '\n## Training speed\n\n| panel | backend | measurement | epochs/s |\n|---|---|---|---|\n';
    for (const r of speed) md += `| ${r.panel} | ${r.backend} | ${r.name.replace(/: epochs per second$/, '')} | ${Number(r.value).toPrecision(4)} |\n`;
  }
  md += `\n## One slider, synthetic input events (${result.inputs} inputs after a warm-up)\n\n`;
  md += '| panel | slider | backend | input→paint median ms | p95 ms | compute median ms | compute p95 ms | tensors before → after 200 inputs | gzip JS KB (route) |\n|---|---|---|---|---|---|---|---|---|\n';
  for (const r of rows)
    md += `| ${r.panel} | ${r.slider} | ${r.backend ?? '—'} | ${f(r.inputToPaintMedianMs)} | ${f(r.inputToPaintP95Ms)} | ${f(r.computeMedianMs)} | ${f(r.computeP95Ms)} | ${r.tensorsBefore ?? '—'} → ${r.tensorsAfter200 ?? '—'} | ${sizes[r.panel] ? kb(sizes[r.panel]) : '—'} |\n`;
  md += `\nHome route JS: ${kb(sizes.home)} KB gzip (target ≤ 100 KB). WASM binaries (gzip, loaded only on WASM): ${Object.entries(sizes.wasmFiles).map(([k, v]) => `${k.split('/').pop()} ${kb(v)} KB`).join(', ') || 'none'}.\n`;
  if (panelRows.length) {
    md += '\n## Panel figures\n\n| panel | backend | measurement | value | unit | note |\n|---|---|---|---|---|---|\n';
    for (const r of panelRows) md += `| ${r.panel} | ${r.backend} | ${r.name} | ${Number(r.value).toPrecision(4)} | ${r.unit} | ${r.note ?? ''} |\n`;
  }
  return md;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
