/**
 * What the panel shows for one set of params, from the hand model (model.ts): the step decoded
 * into update, phase and node; the weights after the updates so far; the forward and backward
 * pass; finite differences; the chain-rule factors of the selected parameter; the next update;
 * and the notes a learner needs. Plain numbers only, cheap (well under a millisecond).
 */
import { backward, finiteDifferences, forward, gradientStep, kinkParams, largestGap, replay, type Backward, type Forward, type Net, type Setup } from './model';
import { PARAM_NAMES, STAGES, type BPParams, type ParamName } from './params';

export type Phase = 'start' | 'forward' | 'backward';

export interface Stage {
  /** The global step shown (may be below the asked one when the run diverged). */
  step: number;
  update: number;
  /** 0 … STAGES − 1 within the update. */
  s: number;
  phase: Phase;
  /** In words: "forward pass: hidden unit h₂". */
  what: string;
}

const SUB = ['₀', '₁', '₂', '₃'];

export function stageOf(step: number): Stage {
  const update = Math.floor(step / STAGES), s = step % STAGES;
  const phase: Phase = s === 0 ? 'start' : s <= 5 ? 'forward' : 'backward';
  const what =
    s === 0
      ? update === 0
        ? 'start: weights and inputs'
        : `update ${update} applied: new weights`
      : s <= 3
        ? `forward pass at h${SUB[s]}`
        : s === 4
          ? 'forward pass at the output ŷ'
          : s === 5
            ? 'forward pass: the loss L'
            : s === 6
              ? 'backward pass at the output: δ₂, then W2 and b2'
              : `backward pass at h${SUB[s - 6]}: δ1${SUB[s - 6]}, then W1 row ${s - 6} and b1${SUB[s - 6]}`;
  return { step, update, s, phase, what };
}

/** The stage at which the forward pass has reached hidden unit j (0-based), the output, the loss. */
export const FWD_HIDDEN = (j: number) => 1 + j;
export const FWD_OUT = 4;
export const FWD_LOSS = 5;
/** The stage at which the backward pass has reached a parameter's gradient. */
export function bwdStage(k: number): number {
  if (k >= 9) return 6;
  return 7 + (k < 6 ? Math.floor(k / 2) : k - 6);
}

export function setupOf(p: BPParams): Setup {
  const t = p.head === 'sigmoid-ce' ? Math.min(1, Math.max(0, p.target)) : p.target;
  return { x: [p.x1, p.x2], t, act: p.activation, head: p.head };
}

export function netOf(p: BPParams): Net {
  return { W1: [...p.W1], b1: [...p.b1], W2: [...p.W2], b2: p.b2 };
}

export interface Lesson {
  stage: Stage;
  setup: Setup;
  /** The weights in use (after stage.update updates). */
  net: Net;
  fwd: Forward;
  bwd: Backward;
  fd: number[];
  kink: boolean[];
  fdGap: { gap: number; at: number };
  /** Loss at the weights after 0 … stage.update updates. */
  losses: number[];
  divergedAt: number | null;
  /** The update that made these weights (from the weights and gradients one update earlier); null at update 0. */
  prev: { net: Net; grad: number[] } | null;
  /** The update about to be applied with the current learning rate. */
  next: { loss: number; predicted: number; gradNorm2: number };
  sel: ParamName;
  selIndex: number;
  notes: string[];
}

export function computeLesson(p: BPParams): Lesson {
  const setup = setupOf(p);
  const asked = stageOf(p.step);
  const run = replay(netOf(p), setup, p.lr, asked.update);
  const last = run.nets.length - 1;
  // A diverged run stops at its last finite weights, the backward pass of that update shown in full.
  const stage = last < asked.update ? stageOf(last * STAGES + STAGES - 1) : asked;
  const net = run.nets[last];
  const fwd = forward(net, setup);
  const bwd = backward(net, setup, fwd);
  const fd = finiteDifferences(net, setup);
  const kink = kinkParams(net, setup);
  const gradNorm2 = bwd.grad.reduce((a, g) => a + g * g, 0);
  const after = forward(gradientStep(net, bwd.grad, p.lr), setup).loss;
  const selIndex = PARAM_NAMES.indexOf(p.sel);
  const before = last > 0 ? run.nets[last - 1] : null;
  const prev = before ? { net: before, grad: backward(before, setup, forward(before, setup)).grad } : null;
  return {
    prev,
    stage,
    setup,
    net,
    fwd,
    bwd,
    fd,
    kink,
    fdGap: largestGap(bwd.grad, fd, kink),
    losses: run.losses,
    divergedAt: run.divergedAt,
    next: { loss: after, predicted: fwd.loss - p.lr * gradNorm2, gradNorm2 },
    sel: p.sel,
    selIndex,
    notes: notesFor(p, setup, fwd, kink, run.divergedAt),
  };
}

/** |z2| beyond which σ′(z2) < 0.0003: the output is in the sigmoid's flat tail. */
export const SATURATED = 8;

function notesFor(p: BPParams, s: Setup, f: Forward, kink: boolean[], divergedAt: number | null): string[] {
  const out: string[] = [];
  if (divergedAt !== null)
    out.push(`The learning rate is too big: update ${divergedAt} threw the weights or the loss past 10⁸, so the run stops at update ${divergedAt - 1}.`);
  if (p.head === 'sigmoid-ce' && s.t !== p.target)
    out.push(`Cross-entropy needs a target between 0 and 1, so t = ${p.target} is used as ${s.t}.`);
  if (p.head === 'sigmoid-mse' && (p.target < 0 || p.target > 1))
    out.push('A sigmoid output stays between 0 and 1, so this target can never be reached: the loss cannot fall to 0.');
  if (kink.some(Boolean))
    out.push(
      'A ReLU unit sits at its kink (z = 0), where it has no derivative. We and tfjs use slope 0 there; central differences straddle the kink and measure the average of the two slopes, so they disagree on that unit’s weights, as they should.',
    );
  const dead = f.z1.map((z, j) => (s.act === 'relu' && z < 0 ? j + 1 : 0)).filter(Boolean);
  if (dead.length)
    out.push(`ReLU unit${dead.length > 1 ? 's' : ''} h${dead.map((j) => SUB[j]).join(', h')} ${dead.length > 1 ? 'are' : 'is'} off (z < 0): output 0 and slope 0, so ${dead.length > 1 ? 'their' : 'its'} incoming weights get exactly zero gradient and do not learn from this example.`);
  if (p.head === 'sigmoid-mse' && Math.abs(f.z2) > SATURATED)
    out.push('The sigmoid output is saturated: ∂ŷ/∂z₂ is tiny and scales every gradient down with it. Cross-entropy’s δ₂ = ŷ − t has no such factor.');
  return out;
}
