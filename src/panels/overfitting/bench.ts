/**
 * Overfitting figures for `npm run bench`, on TensorFlow Playground's two reference networks
 * (2 → 4 → 2 → 1 on 250 circle points; 7 features → six layers of 8 on 250 spiral points):
 *
 * 1. The live panel itself (the real React view, mounted off to the side of the bench page):
 *    press play and count epochs per second of wall clock until the run reaches the last epoch,
 *    with the boundary grid (100 × 100, tfjs), contour, loss curves and readout redrawn every
 *    frame, and the animation-frame intervals (how responsive the page stays). Median of 3.
 *    Measured at "as fast as it goes" (several epochs per frame within the adaptive training budget of budget.ts)
 *    and at one epoch per frame, the Playground's own pace.
 * 2. Why training runs in typed arrays and the grid in tfjs: milliseconds per training epoch on
 *    each engine, and for one 100 × 100 grid evaluation in plain float64 JS and in tfjs.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { timeIt, timingRows, type BenchRow } from '../../lib/bench/measure';
import { nextFrame, sleep } from '../../lib/panel/schedule';
import { defaults } from '../../lib/params/schema';
import { gridFeatures } from './data';
import { createRun, gridProbsTf, specA } from './model';
import { gridProbsTfPlain } from './net.tf';
import { logits } from './mlp';
import { MAX_EPOCH, schema, type OverfitParams } from './params';
import { store } from './store';
import { GRID_N } from './compute';
import { OverfittingView } from './OverfittingView';

const CONFIGS: { label: string; p: Partial<OverfitParams> }[] = [
  { label: 'Playground default 2-4-2, 250 circle points', p: { dataset: 'circles', noise: 0, n: 250, width: 4, depth: 2, taper: true, lr: 0.03 } },
  { label: 'Playground 6×8, 7 features, 250 spiral points', p: { dataset: 'spiral', noise: 0.05, n: 250, width: 8, depth: 6, features: 'poly', lr: 0.01 } },
];

/** What the live panel plays: the default (float64 in the worker, full batch), then batch 10 and the tfjs engine (also in the worker). */
const PLAYS = [
  ['Infinity', 'as fast as it goes', 10, { engine: 'js' }],
  ['60', 'one epoch per frame', 4, { engine: 'js' }],
  ['Infinity', 'batch 10, as fast as it goes', 10, { engine: 'js', batch: 10 }],
  ['Infinity', 'tfjs engine, as fast as it goes', 10, { engine: 'tf' }],
  ['Infinity', 'tfjs engine, batch 10, as fast as it goes', 10, { engine: 'tf', batch: 10 }],
] as const satisfies readonly (readonly [string, string, number, Partial<OverfitParams>])[];

function quant(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}

async function settled(host: HTMLElement): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    const ro = host.querySelector('[data-testid="readout"]');
    if (ro && ro.getAttribute('data-busy') === 'false') return;
    await sleep(10);
  }
}

interface Played {
  perSecond: number;
  p50: number;
  p95: number;
}

/** Plays the mounted panel from epoch 0 at `speed`; returns epochs/s and frame intervals. */
async function play(host: HTMLElement, p: Partial<OverfitParams>, speed: string, maxSeconds: number): Promise<Played> {
  store.getState().setMany({ ...defaults(schema), ...p, epoch: 0 });
  await settled(host);
  await sleep(100);
  const sel = host.querySelector<HTMLSelectElement>('[data-testid="speed"]')!;
  sel.value = speed;
  sel.dispatchEvent(new Event('change', { bubbles: true }));
  await nextFrame();
  const btn = host.querySelector<HTMLButtonElement>('[data-testid="play"]')!;
  // The epoch on screen (the readout), not the one asked for: the worker is asked ahead of it.
  const shown = () => Number(host.querySelector('[data-testid="ro-step"]')?.textContent?.split(' ')[0] ?? NaN);
  // A new engine loads in the worker first (tfjs: seconds): until then the readout can still show
  // the last run's final epoch, which would count as "already done" and measure nothing.
  for (const until = performance.now() + 20_000; shown() !== 0 && performance.now() < until; ) await nextFrame();
  await settled(host);
  const e0 = shown();
  const t0 = performance.now();
  btn.click();
  const stamps: number[] = [];
  let t = t0;
  while (t - t0 < maxSeconds * 1000) {
    t = await nextFrame();
    stamps.push(t);
    if (shown() >= MAX_EPOCH) break;
  }
  const elapsed = performance.now() - t0;
  const epochs = shown() - e0;
  if (/Pause/.test(btn.getAttribute('aria-label') ?? '')) btn.click();
  await settled(host);
  const gaps = stamps.slice(1).map((s, i) => s - stamps[i]);
  return { perSecond: (1000 * epochs) / elapsed, p50: quant(gaps, 0.5), p95: quant(gaps, 0.95) };
}

async function livePanel(rows: BenchRow[]): Promise<void> {
  const host = document.createElement('div');
  host.style.cssText = 'width:1000px;position:absolute;left:0;top:0;background:#fff';
  document.body.appendChild(host);
  const root = createRoot(host);
  root.render(createElement(OverfittingView));
  try {
    await settled(host);
    for (const c of CONFIGS) {
      for (const [speed, what, seconds, v] of PLAYS) {
        const runs: Played[] = [];
        for (let k = 0; k < (v.engine === 'tf' ? 1 : 3); k++) runs.push(await play(host, { ...c.p, ...v }, speed, seconds));
        const med = (f: (r: Played) => number) => quant(runs.map(f), 0.5);
        rows.push(
          { name: `live panel, ${c.label}, ${what}: epochs per second`, value: med((r) => r.perSecond), unit: 'epochs/s', note: `${v.engine === 'tf' ? 'one run' : 'median of 3'}; boundary 100×100 + curves + readout redrawn every frame` },
          { name: `live panel, ${c.label}, ${what}: frame interval (median)`, value: med((r) => r.p50), unit: 'ms' },
          { name: `live panel, ${c.label}, ${what}: frame interval (p95)`, value: med((r) => r.p95), unit: 'ms' },
        );
      }
    }
  } finally {
    root.unmount();
    host.remove();
    store.getState().reset();
  }
}

async function engines(rows: BenchRow[]): Promise<void> {
  for (const c of CONFIGS) {
    const p = { ...defaults(schema), ...c.p };
    const spec = specA(p);
    for (const [engine, batch] of [['js', schema.batch.default], ['tf', schema.batch.default], ['js', 10], ['tf', 10]] as const) {
      const epochs = engine === 'js' ? 300 : batch < p.n ? 10 : 60;
      const t = await timeIt(() => {
        const run = createRun({ ...spec, engine, cfg: { ...spec.cfg, batch } });
        run.advance(epochs);
        run.dispose();
      }, 3, 1);
      rows.push({
        name: `training epoch (${batch < p.n ? `${Math.ceil(p.n / batch)} updates of batch ${batch}` : 'update'} + train/validation losses), ${c.label}, ${engine === 'js' ? 'float64 typed arrays' : 'tfjs autodiff'}`,
        value: t.median / epochs,
        unit: 'ms',
        note: `median of 3 runs of ${epochs} epochs`,
      });
    }
    const run = createRun(spec);
    run.advance(50);
    const theta = run.weights();
    const X = gridFeatures(spec.cfg.features, GRID_N, GRID_N);
    const grid = (f: typeof gridProbsTf) => () => f(spec.cfg.arch, theta, spec.cfg.features, GRID_N, GRID_N);
    rows.push(...timingRows(`boundary grid 100×100, ${c.label}, tfjs fused (what the panel uses)`, await timeIt(grid(gridProbsTf), 30, 5)));
    rows.push(...timingRows(`boundary grid 100×100, ${c.label}, tfjs op by op`, await timeIt(grid(gridProbsTfPlain), 30, 5)));
    rows.push(...timingRows(`boundary grid 100×100, ${c.label}, float64 JS`, await timeIt(() => logits(spec.cfg.arch, theta, X, GRID_N * GRID_N), 30, 5)));
  }
}

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  await engines(rows);
  await livePanel(rows);
  return rows;
}
