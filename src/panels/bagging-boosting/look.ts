/** How the bagging-boosting panel looks and speaks: one colour per method, point sizes, words. */
import { categorical } from '../../lib/plot/colors';
import { fmt } from '../../lib/format/format';
import { DATASET_LABELS, type BBParams } from './params';

/** One colour per method, the same in the boundary plots' new-learner line and the error curves. */
export const BAG = categorical(4);
export const ADA = categorical(6);
export const GB = categorical(2);

/** Radius (px) of a point drawn `count` times into a bootstrap sample: area ∝ count. */
export const drawRadius = (count: number) => 3 * Math.sqrt(count);
/** Radius (px) of a point of AdaBoost weight w among n: area ∝ weight, 3 px at the even 1/n. */
export const weightRadius = (w: number, n: number) => Math.min(16, Math.max(1.2, 3 * Math.sqrt(w * n)));

export const depthText = (d: number) => (d === 1 ? 'stumps (depth 1)' : `trees of depth ${d}`);
export const pct = (v: number) => `${fmt(100 * v, 3)}%`;
/** An error rate as a share with 3 decimals (the test sets have 1000 and 400 points). */
export const rate = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '—');

export function dataPhrase(p: Pick<BBParams, 'dataset' | 'n' | 'noise'>): string {
  return `${DATASET_LABELS[p.dataset].split(' (')[0].toLowerCase()}, ${p.n} training points, noise ${fmt(p.noise, 2)}`;
}
