/**
 * The embedded case's pure parts: the example network (so the part works before anything was
 * saved), the readout rows of a loaded model (its strings shown as text only), and the settings
 * that serve it in the simulator with its measured latency.
 */
import type { ReadoutRow } from '../../lib/controls/Readout';
import { stream } from '../../lib/random/rng';
import { describeArchitecture, parameterCount, type SavedModel } from '../../lib/models/format';
import { clamp } from '../../lib/params/schema';
import type { LatencyResult } from './latency';
import { capacity } from './sim';
import { schema, type DeployParams } from './params';
import { count, ms, percent } from './look';

/** A 7 → 16 → 16 → 1 tanh network with seeded random weights: the overfitting panel's shape with its seven features. */
export function exampleModel(seed: number): SavedModel {
  const sizes = [7, 16, 16, 1];
  const rng = stream(seed, 'example-model');
  const weights = Array.from({ length: parameterCount(sizes) }, () => Number((0.5 * rng.normal()).toFixed(6)));
  return {
    format: 'ml-intuition-model',
    version: 1,
    name: 'Example network (random weights)',
    kind: 'mlp',
    architecture: { sizes, activation: 'tanh', output: 'sigmoid' },
    features: ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)'],
    weights,
    source: { panel: 'deployment', link: '/deployment/?part=model' },
    savedAt: '2026-01-01T00:00:00.000Z',
    metrics: { validationAccuracy: null, validationLoss: null, epoch: null },
  };
}

export function modelRows(m: SavedModel | null, from: string, lat: LatencyResult | null): ReadoutRow[] {
  if (!m) return [{ label: 'Model', value: 'none loaded', testId: 'ro-setting' }];
  const acc = m.metrics.validationAccuracy;
  const rows: ReadoutRow[] = [
    { label: 'Model', value: `${m.name} (from ${from})`, testId: 'ro-setting' },
    { label: 'Layers · parameters', value: `${describeArchitecture(m)} · ${count(parameterCount(m.architecture.sizes))}`, testId: 'ro-arch' },
    { label: 'Features', value: m.features.join(', '), testId: 'ro-features' },
    { label: 'Trained in · link', value: `${m.source.panel} · ${m.source.link}`, testId: 'ro-source' },
    { label: 'Validation accuracy when saved', value: acc === null ? 'not recorded' : `${percent(acc)}${m.metrics.epoch !== null ? ` at epoch ${m.metrics.epoch}` : ''}`, testId: 'ro-val' },
  ];
  if (lat) {
    rows.push(
      { label: `Forward pass, median of ${lat.samples} samples: batch ${lat.batches.join(' · ')}`, value: lat.median.map(ms).join(' · '), testId: 'ro-latency' },
      { label: 'Fitted batch latency', value: `${ms(lat.fixed)} + ${ms(lat.perItem)} per request`, testId: 'ro-fit' },
    );
  }
  return rows;
}

const within = (name: 'fixed' | 'perItem' | 'spread' | 'rate', v: number) => {
  const s = schema[name];
  return clamp(v, s.min, s.max);
};

/** The simulator's settings for the measured latency, at 60 % of what the replicas can serve with the current max batch. */
export function servePatch(lat: LatencyResult, p: DeployParams): Partial<DeployParams> {
  const fixed = within('fixed', lat.fixed), perItem = within('perItem', lat.perItem), spread = within('spread', lat.sigma);
  const cap = capacity({ replicas: p.replicas, fixed, perItem, dist: 'lognormal', spread }, p.maxBatch);
  return { part: 'serve', fixed, perItem, spread, dist: 'lognormal', rate: within('rate', 0.6 * cap), t: p.t };
}
