/**
 * The digits the CNN learns: 0–9 written as stroke polylines (lines and elliptic arcs), jittered
 * (rotation, scale, shear, shift, wobble, pen width) from a seeded stream and rasterised with
 * anti-aliasing by our own code, so a seed gives the same images in Node, in the worker and on
 * any machine (no canvas, no fonts). Pure: no React, no DOM, no tfjs.
 */
import { stream, type Rng } from '../../lib/random/rng';

/** Images are SIZE × SIZE, row-major, values in [0, 1] (1 = ink). */
export const SIZE = 16;
export const PIXELS = SIZE * SIZE;
export const CLASSES = 10;

type Pt = readonly [number, number];

/** Points of an elliptic arc in the unit box (y down; angles in degrees, 0 = right, 90 = down). */
function arc(cx: number, cy: number, rx: number, ry: number, a0: number, a1: number): Pt[] {
  const n = Math.max(4, Math.round(Math.abs(a1 - a0) / 15));
  return Array.from({ length: n + 1 }, (_, i) => {
    const a = ((a0 + ((a1 - a0) * i) / n) * Math.PI) / 180;
    return [cx + rx * Math.cos(a), cy + ry * Math.sin(a)] as const;
  });
}

/** Each digit as strokes in the unit box, roughly as a hand writes it. */
export const STROKES: readonly (readonly Pt[][])[] = [
  [arc(0.5, 0.5, 0.21, 0.35, 0, 360)],
  [[[0.36, 0.27], [0.52, 0.13], [0.52, 0.87]]],
  [[...arc(0.5, 0.34, 0.21, 0.2, 200, 385), [0.27, 0.87], [0.77, 0.87]]],
  [[...arc(0.48, 0.31, 0.2, 0.18, 210, 450), ...arc(0.48, 0.67, 0.22, 0.2, 270, 510)]],
  [[[0.62, 0.87], [0.62, 0.13], [0.22, 0.62], [0.8, 0.62]]],
  [[[0.74, 0.14], [0.35, 0.14], [0.33, 0.46], ...arc(0.48, 0.64, 0.23, 0.22, 235, 520)]],
  [[[0.66, 0.13], [0.43, 0.33], [0.32, 0.6]], arc(0.51, 0.64, 0.2, 0.22, 0, 360)],
  [[[0.24, 0.14], [0.77, 0.14], [0.42, 0.87]]],
  [arc(0.5, 0.31, 0.17, 0.17, 0, 360), arc(0.5, 0.67, 0.21, 0.2, 0, 360)],
  [arc(0.49, 0.36, 0.19, 0.21, 0, 360), [[0.68, 0.4], [0.62, 0.87]]],
];

export interface Jitter {
  /** Rotation in radians. */
  rot: number;
  sx: number;
  sy: number;
  shear: number;
  /** Shift in unit-box units. */
  dx: number;
  dy: number;
  /** Pen width in pixels. */
  width: number;
  /** Per-point wobble (unit-box units, standard deviation). */
  wobble: number;
}

/** The clean example: no jitter, a medium pen. */
export const CLEAN: Jitter = { rot: 0, sx: 1, sy: 1, shear: 0, dx: 0, dy: 0, width: 1.5, wobble: 0 };

/** A random handwriting: how much each image is moved, turned, stretched and how thick its pen. */
export function drawJitter(rng: Rng): Jitter {
  const s = rng.uniform(0.72, 1.08);
  return {
    rot: rng.uniform(-0.3, 0.3),
    sx: s * rng.uniform(0.8, 1.15),
    sy: s,
    shear: rng.uniform(-0.3, 0.3),
    dx: rng.uniform(-0.12, 0.12),
    dy: rng.uniform(-0.1, 0.1),
    width: rng.uniform(0.8, 2.3),
    wobble: 0.035,
  };
}

/** Squared distance from (px, py) to the segment a–b. */
function dist2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const vx = bx - ax, vy = by - ay;
  const len2 = vx * vx + vy * vy;
  let t = len2 > 0 ? ((px - ax) * vx + (py - ay) * vy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const qx = ax + t * vx - px, qy = ay + t * vy - py;
  return qx * qx + qy * qy;
}

/**
 * Draws strokes (in pixel coordinates) into `out` (SIZE², maximum of ink): a pixel is covered by
 * how far its centre lies inside the pen, a one-pixel ramp at the edge (anti-aliasing).
 */
export function rasterStrokes(strokes: readonly Pt[][], width: number, out: Float32Array = new Float32Array(PIXELS)): Float32Array {
  const half = width / 2;
  const reach = half + 0.5;
  for (const s of strokes) {
    for (let k = 0; k + 1 < s.length || (k === 0 && s.length === 1); k++) {
      const [ax, ay] = s[k];
      const [bx, by] = s[Math.min(k + 1, s.length - 1)];
      const x0 = Math.max(0, Math.floor(Math.min(ax, bx) - reach)), x1 = Math.min(SIZE - 1, Math.ceil(Math.max(ax, bx) + reach));
      const y0 = Math.max(0, Math.floor(Math.min(ay, by) - reach)), y1 = Math.min(SIZE - 1, Math.ceil(Math.max(ay, by) + reach));
      for (let y = y0; y <= y1; y++) {
        for (let x = x0; x <= x1; x++) {
          const d = Math.sqrt(dist2(x + 0.5, y + 0.5, ax, ay, bx, by));
          const v = reach - d;
          if (v <= 0) continue;
          const c = v >= 1 ? 1 : v;
          const i = y * SIZE + x;
          if (c > out[i]) out[i] = c;
        }
      }
    }
  }
  return out;
}

/** Digit `d` written with jitter `j` (and wobble from `rng` when j.wobble > 0), SIZE² pixels. */
export function renderDigit(d: number, j: Jitter, rng?: Rng, out?: Float32Array): Float32Array {
  const c = Math.cos(j.rot), s = Math.sin(j.rot);
  const strokes = STROKES[d].map((stroke) =>
    stroke.map(([x, y]) => {
      let u = x - 0.5, v = y - 0.5;
      if (rng && j.wobble > 0) {
        u += j.wobble * rng.normal();
        v += j.wobble * rng.normal();
      }
      u = j.sx * (u + j.shear * v);
      v = j.sy * v;
      const X = c * u - s * v + 0.5 + j.dx;
      const Y = s * u + c * v + 0.5 + j.dy;
      return [X * SIZE, Y * SIZE] as const;
    }),
  );
  return rasterStrokes(strokes, j.width, out);
}

/** The example the panel offers for digit `d`: variant 0 is the clean one, others are jittered. */
export function exampleDigit(d: number, variant: number, seed: number): Float32Array {
  if (variant <= 0) return renderDigit(d, CLEAN);
  const rng = stream(seed, `example:${d}:${variant}`);
  return renderDigit(d, drawJitter(rng), rng);
}

export interface DigitBatch {
  /** n × SIZE² pixels, row-major images one after another. */
  x: Float32Array;
  /** n labels 0–9. */
  y: Int32Array;
  n: number;
}

/**
 * `n` jittered digits from the stream `name` of `seed`. Labels cycle through 0–9 from `offset`
 * (so any run of ten is balanced) and are then shuffled within the batch.
 */
export function digitBatch(seed: number, name: string, n: number, offset = 0): DigitBatch {
  const rng = stream(seed, name);
  const labels = Array.from({ length: n }, (_, i) => (offset + i) % CLASSES);
  rng.shuffle(labels);
  const x = new Float32Array(n * PIXELS);
  for (let i = 0; i < n; i++) renderDigit(labels[i], drawJitter(rng), rng, x.subarray(i * PIXELS, (i + 1) * PIXELS));
  return { x, y: Int32Array.from(labels), n };
}

/** Training batch number `step` (its own stream, so step t always sees the same images). */
export const trainBatch = (seed: number, step: number, n: number) => digitBatch(seed, `train:${step}`, n, step * n);

/** The held-out set: `n` fresh digits, never trained on (a stream no training batch uses). */
export const heldOut = (seed: number, n: number) => digitBatch(seed, 'held-out', n);
