/**
 * Every number a "Try this" text quotes (title and notice), checked against the model at that
 * experiment's state (issue 16), with the functions the panel uses: computeMechanics (the page's
 * float64 mechanics) and TrainingRun (what the worker trains, run.ts over trainer.tf.ts).
 *
 * The trained mode runs tfjs in float32 on whatever backend the worker gets, and Adam amplifies
 * last-digit differences over hundreds of steps, so its texts quote only what survives that:
 * settings, and step counts on the 10-step evaluation grid with the tolerance their "about" or
 * "by" allows. They are checked here on the CPU backend. An experiment without an entry here is
 * checked with no facts, so any number it quotes fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { expectQuoted, type Fact } from '../../lib/panel/quoted';
import { useCpuBackend, useWasmBackend } from '../../lib/tf/testing';
import * as tf from '../../lib/tf/tf';
import panel from './panel';
import { computeMechanics } from './model';
import { EXAMPLES, schema, type AttentionParams } from './params';
import { TARGET_ACC, TrainingRun, trainConfig } from './run';

type Facts = Record<string, Fact>;

/** The mechanics the page computes for `p` (MechanicsView's input). */
function mechanics(p: AttentionParams) {
  return computeMechanics({ ...p, text: p.sentence === 'custom' ? p.text : EXAMPLES[p.sentence] });
}

/** Trained runs, one per config, advanced as far as the checks ask (released after the file). */
const runs = new Map<string, TrainingRun>();
function trainedTo(p: AttentionParams, step: number) {
  const cfg = trainConfig(p);
  const key = `${JSON.stringify(cfg)}|${tf.getBackend()}`;
  let r = runs.get(key);
  if (!r) runs.set(key, (r = new TrainingRun(cfg)));
  r.advance(step);
  return r.view(p.sample);
}
afterAll(() => runs.forEach((r) => r.dispose()));

const CHECKS: Record<string, (p: AttentionParams) => Facts> = {
  'Switch off the scaling at d_k = 128': (p) => {
    const m = mechanics(p);
    return { '128': p.dk, '15': { value: m.scoreStd, tol: 1 }, '0.37': m.meanEntropy, '1.93': m.meanEntropyOther };
  },
  'Mask the future': (p) => {
    const m = mechanics(p);
    expect(m.maskedMax).toBe(0);
    // Row k (1-based) spreads over at most k keys, so its entropy is at most ln k.
    m.entropies.forEach((h, i) => expect(h).toBeLessThanOrEqual(Math.log(i + 1) + 1e-12));
    return { '1': { value: m.weights[0][0], tol: 0 } };
  },
  'Repeated words without positions': (p) => {
    const m = mechanics(p);
    const dogs = m.tokens.flatMap((t, i) => (t === 'dog' ? [i] : []));
    for (const i of dogs) expect(m.weights[i]).toEqual(m.weights[dogs[0]]);
    return {};
  },
  'One number per query and key': (p) => {
    const m = mechanics(p);
    // With d_k = 1, s_ij = q_i k_j: every row orders the keys as row 0 does or in reverse.
    const order = (i: number) => JSON.stringify(m.scores[i].map((s, j) => [s, j] as const).sort((a, b) => a[0] - b[0]).map(([, j]) => j));
    const o0 = JSON.parse(order(0)) as number[];
    const both = [JSON.stringify(o0), JSON.stringify([...o0].reverse())];
    m.scores.forEach((_, i) => expect(both).toContain(order(i)));
    return { '1': p.dk };
  },
  'Watch a model learn to reverse': (p) => {
    const early = trainedTo(p, 30);
    const v = trainedTo(p, p.step);
    expect(v.eval.tokenAcc).toBeGreaterThan(TARGET_ACC);
    expect(v.eval.targetMass).toBeGreaterThan(0.8);
    expect(early.eval.targetMass).toBeLessThan(v.eval.targetMass - 0.2);
    return { '100': p.step, '30': 'setting' };
  },
  'A step size twenty times larger': (p) => {
    const v = trainedTo(p, p.step);
    // Dips and swings: after first reaching the target, the accuracy falls back by a real amount.
    const after = v.history.filter((h) => v.reachedAt !== null && h.step > v.reachedAt);
    expect(Math.min(...after.map((h) => h.tokenAcc))).toBeLessThan(TARGET_ACC - 0.1);
    return { '95': 100 * TARGET_ACC, '20': { value: v.reachedAt ?? Infinity, tol: 10 } };
  },
  'A step size ten times smaller': (p) => {
    const v = trainedTo(p, p.step);
    expect(v.reachedAt).toBeNull();
    // "About half of the whole sequences" right.
    expect(Math.abs(v.eval.seqAcc - 0.5)).toBeLessThan(0.1);
    const d = trainedTo({ ...p, lr: defaults(schema).lr }, 100);
    return {
      '400': p.step,
      '95': 100 * TARGET_ACC,
      '0.005': defaults(schema).lr,
      '60': { value: d.reachedAt ?? Infinity, tol: 10 },
      '90': { value: 100 * v.eval.tokenAcc, tol: 2 },
    };
  },
};

// The trained mode's worker picks WebGL where it can and WASM otherwise (WebGL needs a GPU, so
// Node runs CPU and WASM); the mechanics are float64 JS and give the same on both. tfjs's test
// mode checks every kernel for leaks, and on WASM that check trips over composite ops such as
// logSoftmax (their intermediates are the enclosing tidy's to free); the worker runs without
// test mode, so WASM runs here without it too.
for (const backend of ['cpu', 'wasm'] as const) {
  describe(`attention: the numbers the "Try this" texts quote (${backend})`, () => {
    beforeAll(async () => {
      if (backend === 'wasm') expect(await useWasmBackend()).toBe(true);
      else await useCpuBackend();
    });
    afterAll(async () => {
      await useCpuBackend();
    });

    for (const ex of panel.experiments) {
      it(ex.title, () => {
        const p: AttentionParams = { ...defaults(schema), ...ex.params };
        expectQuoted(`${ex.title}. ${ex.notice}`, CHECKS[ex.title]?.(p) ?? {});
      }, 120_000);
    }
  });
}
