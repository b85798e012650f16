/**
 * The six update rules, written exactly as torch.optim 2.x does them (weight decay 0, dampening 0,
 * no lr decay, not centred, not amsgrad), as one pure function over plain float64 numbers that
 * takes the gradient as input. Keeping the gradient outside means the rules can be checked by hand
 * in the tests and run with either gradient source (tfjs autodiff in the view, analytic float64
 * for the PyTorch oracle).
 */

export type Vec2 = readonly [number, number];

export const OPTIMIZERS = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

/** Fixed epsilons, torch's defaults (not exposed as controls). */
export const EPS = { adagrad: 1e-10, rmsprop: 1e-8, adam: 1e-8 } as const;

export interface Hyper {
  /** Step size. */
  lr: number;
  /** μ, for momentum and Nesterov. */
  momentum: number;
  /** Adam's β1 and β2. */
  beta1: number;
  beta2: number;
  /** RMSprop's smoothing constant α. */
  alpha: number;
}

/**
 * Optimizer memory. `m` is the momentum buffer (SGD with momentum / Nesterov; null before the
 * first step, as torch's `momentum_buffer` is None) or Adam's first moment (starts at 0). `v` is
 * AdaGrad's running sum of g², RMSprop's `square_avg` or Adam's second moment (all start at 0).
 */
export interface OptState {
  t: number;
  m: Vec2 | null;
  v: Vec2;
}

export function initState(): OptState {
  return { t: 0, m: null, v: [0, 0] };
}

const map2 = (f: (i: 0 | 1) => number): Vec2 => [f(0), f(1)];

/** One update: returns the new point and state; inputs are not modified. */
export function step(name: OptimizerName, h: Hyper, p: Vec2, g: Vec2, s: OptState): { p: Vec2; s: OptState } {
  const t = s.t + 1;
  switch (name) {
    case 'sgd':
      // p ← p − lr·g
      return { p: map2((i) => p[i] - h.lr * g[i]), s: { ...s, t } };
    case 'momentum':
    case 'nesterov': {
      // torch: buf ← g on the first step, then buf ← μ·buf + g (lr stays outside the buffer).
      const mu = h.momentum;
      const buf = s.m === null ? g : map2((i) => mu * s.m![i] + g[i]);
      // Nesterov (torch form): step along g + μ·buf, with buf already updated.
      const d = name === 'nesterov' ? map2((i) => g[i] + mu * buf[i]) : buf;
      return { p: map2((i) => p[i] - h.lr * d[i]), s: { t, m: buf, v: s.v } };
    }
    case 'adagrad': {
      // sum ← sum + g²; p ← p − lr·g / (√sum + ε)
      const v = map2((i) => s.v[i] + g[i] * g[i]);
      return { p: map2((i) => p[i] - (h.lr * g[i]) / (Math.sqrt(v[i]) + EPS.adagrad)), s: { t, m: null, v } };
    }
    case 'rmsprop': {
      // sq ← α·sq + (1−α)·g²; p ← p − lr·g / (√sq + ε)   (ε after the square root)
      const a = h.alpha;
      const v = map2((i) => a * s.v[i] + (1 - a) * g[i] * g[i]);
      return { p: map2((i) => p[i] - (h.lr * g[i]) / (Math.sqrt(v[i]) + EPS.rmsprop)), s: { t, m: null, v } };
    }
    case 'adam': {
      // m ← β1·m + (1−β1)·g (torch writes it as lerp: m + (1−β1)(g − m)); v ← β2·v + (1−β2)·g².
      // Bias correction: p ← p − (lr / (1−β1^t)) · m / (√v / √(1−β2^t) + ε), i.e. lr·m̂/(√v̂ + ε).
      const m0 = s.m ?? [0, 0];
      const m = map2((i) => m0[i] + (1 - h.beta1) * (g[i] - m0[i]));
      const v = map2((i) => h.beta2 * s.v[i] + (1 - h.beta2) * g[i] * g[i]);
      const stepSize = h.lr / (1 - h.beta1 ** t);
      const bc2Sqrt = Math.sqrt(1 - h.beta2 ** t);
      return {
        p: map2((i) => p[i] - (stepSize * m[i]) / (Math.sqrt(v[i]) / bc2Sqrt + EPS.adam)),
        s: { t, m, v },
      };
    }
  }
}

/** Whether the rule's step size scales with the gradient (GD family) or is ~lr per coordinate. */
export function isAdaptive(name: OptimizerName): boolean {
  return name === 'adagrad' || name === 'rmsprop' || name === 'adam';
}
