/**
 * The 2-3-1 network, by hand, in float64: forward pass, the backward pass (the chain rule, node by
 * node), central finite differences, gradient-descent updates and their replay to a linked step.
 * Pure: no React, no DOM, no tfjs (tfjs autodiff is grads.tf.ts, in the worker).
 *
 *   z1 = W1 x + b1,  h = φ(z1),  z2 = W2 h + b2,  ŷ = z2 or σ(z2),  L = ½(ŷ − t)² or BCE(ŷ, t)
 */
import type { Activation, Head, ParamName } from './params';
import { PARAM_NAMES } from './params';

export interface Net {
  /** 3×2, row-major: W1[2j + i] is the weight from input i to hidden unit j (0-based). */
  W1: number[];
  b1: number[];
  W2: number[];
  b2: number;
}

export interface Setup {
  x: readonly [number, number];
  /** The target the loss uses (already clipped into 0…1 for cross-entropy). */
  t: number;
  act: Activation;
  head: Head;
}

export interface Forward {
  z1: number[];
  h: number[];
  z2: number;
  y: number;
  loss: number;
}

export interface Backward {
  /** ∂L/∂ŷ (NaN where it does not exist as a finite number: cross-entropy at a saturated ŷ). */
  dLdy: number;
  /** ∂ŷ/∂z2 */
  dydz: number;
  /** δ2 = ∂L/∂z2 */
  delta2: number;
  /** ∂L/∂h_j */
  dh: number[];
  /** φ′(z1_j), with φ′(0) = 0 for ReLU */
  dphi: number[];
  /** δ1_j = ∂L/∂z1_j */
  delta1: number[];
  /** Every parameter's gradient, in PARAM_NAMES order. */
  grad: number[];
}

/** σ(z), never rounding through 1 − σ for negative z. */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** log(1 + e^z) without overflow. */
export function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

export function activate(act: Activation, z: number): number {
  if (act === 'sigmoid') return sigmoid(z);
  if (act === 'tanh') return Math.tanh(z);
  return z > 0 ? z : 0;
}

/** φ′(z). ReLU has no derivative at 0; we take 0 there, as PyTorch and tfjs do. */
export function activationSlope(act: Activation, z: number): number {
  if (act === 'sigmoid') return sigmoid(z) * sigmoid(-z);
  if (act === 'tanh') {
    const c = Math.cosh(z);
    return 1 / (c * c);
  }
  return z > 0 ? 1 : 0;
}

export function outputOf(head: Head, z2: number): number {
  return head === 'linear-mse' ? z2 : sigmoid(z2);
}

/**
 * The loss as a function of the output's pre-activation. Cross-entropy from z2, as
 * −t log σ(z2) − (1 − t) log σ(−z2) = t·softplus(−z2) + (1 − t)·softplus(z2): it never takes log 0
 * and keeps its digits when the output saturates.
 */
export function lossOf(head: Head, z2: number, t: number): number {
  if (head === 'sigmoid-ce') return t * softplus(-z2) + (1 - t) * softplus(z2);
  const e = outputOf(head, z2) - t;
  return 0.5 * e * e;
}

export function forward(net: Net, s: Setup): Forward {
  const z1 = [0, 1, 2].map((j) => net.W1[2 * j] * s.x[0] + net.W1[2 * j + 1] * s.x[1] + net.b1[j]);
  const h = z1.map((z) => activate(s.act, z));
  const z2 = net.W2[0] * h[0] + net.W2[1] * h[1] + net.W2[2] * h[2] + net.b2;
  return { z1, h, z2, y: outputOf(s.head, z2), loss: lossOf(s.head, z2, s.t) };
}

/** The backward pass: δ2 at the output, then δ1_j = δ2 · W2_j · φ′(z1_j), each weight's gradient its δ times its input. */
export function backward(net: Net, s: Setup, f: Forward): Backward {
  const { head, t } = s;
  const dydz = head === 'linear-mse' ? 1 : sigmoid(f.z2) * sigmoid(-f.z2);
  let delta2: number, dLdy: number;
  if (head === 'sigmoid-ce') {
    // σ(z) − t written so that neither σ(z) nor 1 − σ(z) is rounded away when the output saturates.
    delta2 = (1 - t) * sigmoid(f.z2) - t * sigmoid(-f.z2);
    dLdy = dydz > 0 ? delta2 / dydz : Number.NaN;
  } else {
    dLdy = f.y - t;
    delta2 = dLdy * dydz;
  }
  const dh = net.W2.map((w) => delta2 * w);
  const dphi = f.z1.map((z) => activationSlope(s.act, z));
  const delta1 = dh.map((g, j) => g * dphi[j]);
  const grad = [
    ...[0, 1, 2].flatMap((j) => [delta1[j] * s.x[0], delta1[j] * s.x[1]]),
    ...delta1,
    ...f.h.map((hj) => delta2 * hj),
    delta2,
  ];
  return { dLdy, dydz, delta2, dh, dphi, delta1, grad };
}

export function flatten(net: Net): number[] {
  return [...net.W1, ...net.b1, ...net.W2, net.b2];
}

export function unflatten(theta: readonly number[]): Net {
  return { W1: theta.slice(0, 6), b1: theta.slice(6, 9), W2: theta.slice(9, 12), b2: theta[12] };
}

/** Default finite-difference step: big enough that float64 rounding (about 1e−16 / h) stays far below the truncation error h². */
export const FD_STEP = 1e-5;

/** Central differences (L(θ + h e_k) − L(θ − h e_k)) / 2h for every parameter. */
export function finiteDifferences(net: Net, s: Setup, h = FD_STEP): number[] {
  const theta = flatten(net);
  return theta.map((_, k) => {
    const plus = theta.slice(), minus = theta.slice();
    plus[k] += h;
    minus[k] -= h;
    return (forward(unflatten(plus), s).loss - forward(unflatten(minus), s).loss) / (2 * h);
  });
}

/**
 * Parameters whose finite difference crosses ReLU's kink: nudging them by ±h moves some z1_j
 * across 0, where the slope jumps, so the central difference averages the two slopes instead of
 * measuring either. Only W1 and b1 move z1.
 */
export function kinkParams(net: Net, s: Setup, h = FD_STEP): boolean[] {
  const z1 = forward(net, s).z1;
  return PARAM_NAMES.map((_, k) => {
    if (s.act !== 'relu' || k >= 9) return false;
    const j = k < 6 ? Math.floor(k / 2) : k - 6;
    const reach = k < 6 ? h * Math.abs(s.x[k % 2]) : h;
    return Math.abs(z1[j]) <= reach;
  });
}

export function gradientStep(net: Net, grad: readonly number[], lr: number): Net {
  return unflatten(flatten(net).map((w, k) => w - lr * grad[k]));
}

/** A run is stopped once a weight or the loss leaves this range: the numbers mean nothing after. */
export const DIVERGED = 1e8;

export interface Replay {
  /** nets[k]: the weights after k updates, k = 0 … the last finite one. */
  nets: Net[];
  losses: number[];
  /** The update at which weights or loss left the finite range (null: never, up to the asked one). */
  divergedAt: number | null;
}

/** Replays `updates` steps of gradient descent from `net`, stopping where the numbers blow up. */
export function replay(net: Net, s: Setup, lr: number, updates: number): Replay {
  const nets = [net];
  const losses = [forward(net, s).loss];
  let divergedAt: number | null = null;
  for (let k = 1; k <= updates; k++) {
    const prev = nets[k - 1];
    const next = gradientStep(prev, backward(prev, s, forward(prev, s)).grad, lr);
    const loss = forward(next, s).loss;
    if (!Number.isFinite(loss) || Math.abs(loss) > DIVERGED || flatten(next).some((w) => !(Math.abs(w) <= DIVERGED))) {
      divergedAt = k;
      break;
    }
    nets.push(next);
    losses.push(loss);
  }
  return { nets, losses, divergedAt };
}

export const paramIndex = (p: ParamName): number => PARAM_NAMES.indexOf(p);

/**
 * Largest |a_k − b_k| / (1 + max_k |a_k|) over the parameters not flagged in `skip`, and where it
 * is. Scaled by the largest gradient, not each one's own: float32 rounds every gradient to a
 * fraction of the numbers it was built from, which a tiny gradient does not shrink.
 */
export function largestGap(a: readonly number[], b: readonly number[], skip: readonly boolean[] = []): { gap: number; at: number } {
  let gap = 0, at = 0;
  const scale = 1 + Math.max(...a.map(Math.abs));
  a.forEach((v, k) => {
    // A NaN gap (a gradient that is not a number) is the largest there is: keep the first one.
    if (skip[k] || Number.isNaN(gap)) return;
    const d = Math.abs(v - b[k]) / scale;
    if (!(d <= gap)) {
      gap = d;
      at = k;
    }
  });
  return { gap, at };
}

/** Agreement tolerances, on |a − b| / (1 + largest |a|): float64 central differences, and tfjs in float32. */
export const FD_TOL = 1e-6;
export const TF_TOL = 1e-4;
