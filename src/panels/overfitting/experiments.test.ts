/**
 * Every number a "Try this" text quotes (title and notice), checked against the model at that
 * experiment's state (issue 16), with what the panel's worker runs: makeTraining (training.ts)
 * on the specs the view builds (specA, specB). The default engine trains in float64 typed arrays,
 * so these numbers are the same on every machine and backend (tfjs only draws the boundary grid);
 * the experiments keep that engine. An experiment without an entry here is checked with no facts,
 * so any number it quotes fails.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { expectQuoted, type Fact, atMost, atLeast } from '../../lib/panel/quoted';
import panel from './panel';
import { FEATURE_COUNT } from './data';
import { archOf, CURVE_SIZES, specA, specB, specKey, type RunSpec } from './model';
import { schema, type OverfitParams } from './params';
import { makeTraining, type RunState } from './training';

type Facts = Record<string, Fact>;

/** A bound the text states ("past 1.7", "under 0.35"): holds exactly when the value is on the stated side. */

/** One run at an epoch, trained as the worker trains it (each run of A and B is independent). */
const runs = new Map<string, RunState>();
function runAt(spec: RunSpec, epoch: number): RunState {
  const key = `${specKey(spec)}@${epoch}`;
  let r = runs.get(key);
  if (!r) {
    const t = makeTraining({ key, a: spec, b: null });
    t.advance(epoch, Infinity);
    const v = t.view(epoch);
    expect(v.reached).toBe(true);
    runs.set(key, (r = v.a));
  }
  return r;
}

/** A and B at the experiment's epoch, on the specs the view builds (useTraining.ts). */
function trained(p: OverfitParams): { a: RunState; b: RunState | null } {
  const a = specA(p), b = specB(p);
  return { a: runAt(a, p.epoch), b: b ? runAt(b, p.epoch) : null };
}

const CHECKS: Record<string, (p: OverfitParams) => Facts> = {
  'Memorise 20 points': (p) => {
    const { a } = trained(p);
    const h = a.hist;
    expect(a.now.trainLoss).toBeLessThan(0.01);
    expect(a.now.valLoss).toBeGreaterThan(h.valLoss[0]);
    expect(a.bestEpoch).toBeLessThan(p.epoch / 5);
    return { '20': p.n, '86': 100 * h.valAcc[a.bestEpoch], '70': 100 * a.now.valAcc };
  },
  'Regularised against plain, side by side': (p) => {
    const { a, b } = trained(p);
    expect(b!.now.trainLoss).toBeLessThan(0.01);
    return { '1.7': atLeast(1.7, b!.now.valLoss), '0.35': atMost(0.35, Math.max(a.now.trainLoss, a.now.valLoss)) };
  },
  'More data closes the gap': (p) => {
    const { a, b } = trained(p);
    expect(b!.now.trainAcc).toBeGreaterThan(0.9);
    expect(b!.now.valLoss).toBeLessThan(a.now.valLoss / 2);
    return { '120': specB(p)!.n, '30': p.n };
  },
  'Stop at the best epoch': (p) => {
    const { a } = trained(p);
    expect(a.stoppedAt).not.toBeNull();
    expect(a.shown).toBe(a.bestEpoch);
    return { '50': a.stoppedAt! - a.bestEpoch };
  },
  'Weight decay shrinks the weights': (p) => {
    const { a, b } = trained(p);
    return { '30': { value: a.now.wnorm, tol: 5 }, '400': atLeast(400, b!.now.wnorm) };
  },
  'TensorFlow Playground’s default network': (p) => {
    const { a } = trained(p);
    const sizes = archOf(p).sizes;
    expect(sizes).toEqual([2, 4, 2, 1]);
    // "Within a couple of hundred epochs": every training and validation point right by epoch 300.
    expect(a.hist.trainAcc[300]).toBe(1);
    expect(a.hist.valAcc[300]).toBe(1);
    return { '2': sizes[0], '4': sizes[1], '1': sizes[3] };
  },
  'Playground’s deep spiral: 6 layers of 8, 7 features': (p) => {
    const { a } = trained(p);
    // Adam's overshoots: the training loss jumps up by half somewhere after the first 100 epochs.
    const l = a.hist.trainLoss;
    expect(l.some((v, i) => i > 100 && v > 1.5 * l[i - 1])).toBe(true);
    return { '6': p.depth, '8': p.width, '7': FEATURE_COUNT[p.features], '1000': p.epoch, '99.6': 100 * a.now.trainAcc, '92': 100 * a.now.valAcc };
  },
};

describe('overfitting: the explanation', () => {
  it('“sizes from 10 to 500 points” are the learning curve’s', () => {
    expect([CURVE_SIZES[0], CURVE_SIZES[CURVE_SIZES.length - 1]]).toEqual([10, 500]);
  });
});

describe('overfitting: the numbers the "Try this" texts quote', () => {
  for (const ex of panel.experiments) {
    it(ex.title, () => {
      const p: OverfitParams = { ...defaults(schema), ...ex.params };
      expect(p.engine).toBe('js');
      expectQuoted(`${ex.title}. ${ex.notice}`, CHECKS[ex.title]?.(p) ?? {});
    }, 120_000);
  }
});
