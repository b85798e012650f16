#!/usr/bin/env node
// `npm run previews`: the link-preview images (og:image, 1200 × 630 PNG) of the home page and of
// every question, and the app icons (192 and 512 px PNG from public/favicon.svg), written to
// public/ and committed. Run after a panel changes its look: builds the site, serves it, and
// photographs each panel in its embed view (title, plots, controls; no site chrome).
// Env: PREVIEW_PORT (4188), PREVIEW_ONLY=slug,slug, PREVIEW_SKIP_BUILD=1.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './browser.mjs';

const PORT = Number(process.env.PREVIEW_PORT ?? 4188);
const ONLY = process.env.PREVIEW_ONLY?.split(',');
const BASE = `http://127.0.0.1:${PORT}`;
// Where a panel's default link shows an untrained start, the preview shows it trained instead.
const QUERY = { embeddings: 'step=60&picture=analogy&' };
const slugs = [...readFileSync('src/panels/questions.ts', 'utf8').matchAll(/slug:\s*'([a-z-]+)'/g)].map((m) => m[1]);

if (!process.env.PREVIEW_SKIP_BUILD) {
  const b = spawnSync('npx', ['vite', 'build', '--outDir', 'dist'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(1);
}
const server = spawn('npx', ['vite', 'preview', '--outDir', 'dist', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore', detached: true });
const stop = () => {
  try {
    process.kill(-server.pid);
  } catch {
    /* already gone */
  }
};
try {
  for (let i = 0; i < 60; i++) {
    try {
      if ((await fetch(BASE)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 }, colorScheme: 'light' });

  if (!ONLY) {
    const svg = readFileSync('public/favicon.svg', 'utf8');
    for (const size of [192, 512]) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(`<html><body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
      await page.screenshot({ path: `public/icon-${size}.png`, omitBackground: true });
    }
    await page.setViewportSize({ width: 1200, height: 630 });
    await page.goto(`${BASE}/`);
    await page.waitForTimeout(800);
    await page.screenshot({ path: 'public/previews/home.png' });
    console.log('home');
  }
  for (const slug of slugs) {
    if (ONLY && !ONLY.includes(slug)) continue;
    await page.goto(`${BASE}/${slug}/?${QUERY[slug] ?? ''}embed=1`);
    // The panel's first result (readout settled), then a moment for canvases and transitions.
    await page.waitForSelector('[data-testid="readout"][data-busy="false"], .msg-info', { timeout: 60_000 }).catch(() => {});
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `public/previews/${slug}.png` });
    console.log(slug);
  }
  await browser.close();
} finally {
  stop();
}
