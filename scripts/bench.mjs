#!/usr/bin/env node
// `npm run bench`: a benchmark, not a test. Builds the app, serves it, and measures in headless
// Chromium, per panel: time from a slider input to the painted frame (median, p95), the model's
// compute time, live tensors after 200 interactions; plus gzip JavaScript per route from the
// build manifest. Writes bench/results/latest.json and latest.md and prints the table.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './browser.mjs';

const PORT = 4199;
const INPUTS = Number(process.env.BENCH_INPUTS ?? 60);
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

const quant = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const median = (xs) => quant(xs, 0.5);

function bundleSizes(slugs) {
  const manifest = JSON.parse(readFileSync('dist/.vite/manifest.json', 'utf8'));
  const gz = (file) => gzipSync(readFileSync(`dist/${file}`)).length;
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
    async ({ testId, inputs }) => {
      const el = testId ? document.querySelector(`[data-testid="${testId}"]`) : document.querySelector('.workbench input[type="range"]');
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
    { testId, inputs: INPUTS },
  );
}

async function main() {
  const exe = findChromium();
  if (!exe) throw new Error('No Chromium found (see README: Test it).');
  if (spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, BENCH: '1' } }).status !== 0) process.exit(1);
  // Panels that exist are the ones with a panel.ts chunk in the build manifest.
  const manifest = JSON.parse(readFileSync('dist/.vite/manifest.json', 'utf8'));
  const slugs = Object.keys(manifest).flatMap((k) => k.match(/^src\/panels\/([^/]+)\/panel\.ts$/)?.[1] ?? []);
  // Node runs vite directly (not through npx), so that killing it really stops the server.
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 2500));
  const browser = await chromium.launch({ executablePath: exe, args: CHROMIUM_ARGS });
  const rows = [];
  const panelRows = [];
  try {
    // Each panel's own figures (src/panels/<slug>/bench.ts), run in the browser.
    const bp = await browser.newPage();
    await bp.goto(`http://127.0.0.1:${PORT}/bench.html`);
    await bp.waitForSelector('body[data-ready="true"]');
    const benchSlugs = await bp.evaluate(() => globalThis.__benchSlugs);
    for (const slug of benchSlugs) {
      if (process.env.BENCH_PANELS && !process.env.BENCH_PANELS.split(',').includes(slug)) continue;
      console.log(`bench: ${slug} …`);
      const { backend, rows: r } = await bp.evaluate((s) => globalThis.__runBench(s), slug);
      for (const row of r) panelRows.push({ panel: slug, backend, ...row });
    }
    await bp.close();
    for (const slug of slugs) {
      if (process.env.BENCH_PANELS && !process.env.BENCH_PANELS.split(',').includes(slug)) continue;
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(`http://127.0.0.1:${PORT}/${slug}/`);
      await page.waitForSelector('[data-testid="readout"][data-busy="false"]', { timeout: 60_000 });
      const backend = await page.getAttribute('[data-testid="backend"]', 'data-backend').catch(() => null);
      await timeSlider(page, SLIDER[slug]); // warm-up (JIT, first tfjs kernels)
      const { times, compute } = await timeSlider(page, SLIDER[slug]);
      const t0 = await page.evaluate(() => globalThis.__mlTensors?.() ?? null);
      const sel = SLIDER[slug] ? `[data-testid="${SLIDER[slug]}"]` : '.workbench input[type="range"]';
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
  const result = { date: new Date().toISOString(), inputs: INPUTS, machine: `${process.platform} ${process.arch}`, rows, panelRows, gzipJsBytes: sizes };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/latest.json', JSON.stringify(result, null, 2));
  const f = (x) => (x == null || Number.isNaN(x) ? '—' : x.toFixed(1));
  const kb = (b) => (b / 1024).toFixed(1);
  let md = `# Benchmark (${result.date})\n\n${INPUTS} slider inputs per panel after a warm-up, headless Chromium.\n\n`;
  md += '| panel | slider | backend | input→paint median ms | p95 ms | compute median ms | compute p95 ms | tensors before → after 200 inputs | gzip JS KB (route) |\n|---|---|---|---|---|---|---|---|---|\n';
  for (const r of rows)
    md += `| ${r.panel} | ${r.slider} | ${r.backend ?? '—'} | ${f(r.inputToPaintMedianMs)} | ${f(r.inputToPaintP95Ms)} | ${f(r.computeMedianMs)} | ${f(r.computeP95Ms)} | ${r.tensorsBefore ?? '—'} → ${r.tensorsAfter200 ?? '—'} | ${sizes[r.panel] ? kb(sizes[r.panel]) : '—'} |\n`;
  md += `\nHome route JS: ${kb(sizes.home)} KB gzip (target ≤ 100 KB). WASM binaries (gzip, loaded only on WASM): ${Object.entries(sizes.wasmFiles).map(([k, v]) => `${k.split('/').pop()} ${kb(v)} KB`).join(', ') || 'none'}.\n`;
  if (panelRows.length) {
    md += '\n## Panel figures\n\n| panel | backend | measurement | value | unit | note |\n|---|---|---|---|---|---|\n';
    for (const r of panelRows) md += `| ${r.panel} | ${r.backend} | ${r.name} | ${Number(r.value).toPrecision(4)} | ${r.unit} | ${r.note ?? ''} |\n`;
  }
  writeFileSync('bench/results/latest.md', md);
  console.log(md);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
