/**
 * A start point and step sizes that show each surface at its most telling (for the view's
 * "surface changed" handler; the links still carry whatever the learner set). Kept apart from
 * surfaces.tf.ts so that the page, which imports these, does not load tfjs (it runs in the worker).
 */
import type { Vec2 } from './optimizers';
import type { SurfaceName } from './params';

export const PRESETS: Record<SurfaceName, { start: Vec2; lr: number; lrAdaptive: number }> = {
  bowl: { start: [-1.8, 1.2], lr: 0.17, lrAdaptive: 0.1 },
  rosenbrock: { start: [-1.2, 1], lr: 0.001, lrAdaptive: 0.05 },
  multimodal: { start: [-2.5, 2.5], lr: 0.1, lrAdaptive: 0.1 },
  saddle: { start: [-2.5, 0.05], lr: 0.1, lrAdaptive: 0.05 },
  logistic: { start: [-1.5, 2.5], lr: 0.5, lrAdaptive: 0.1 },
};
