/**
 * Every number a "Try this" text quotes (title and notice), and the claims it makes in words,
 * checked against the model at that experiment's state (issue 16), with what the panel uses:
 * TrainingRun (what the worker trains) and analyse (what the page computes from the vectors).
 * Checked on the CPU backend; the worker runs WASM or WebGL, which agree to float32 tolerance
 * (trainer.test.ts), so quoted cosines are given to two decimals only.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { atMost, expectQuoted, type Fact } from '../../lib/panel/quoted';
import { defaults } from '../../lib/params/schema';
import { useCpuBackend } from '../../lib/tf/testing';
import panel from './panel';
import { analyse } from './analysis';
import { schema, TRAINED_STEP, type EmbeddingsParams } from './params';
import { BUILT_IN_ANALOGIES } from './corpus';
import { meanCosine } from './readout';
import { corpusOf, corpusProblem, runConfig, TrainingRun } from './run';


type Facts = Record<string, Fact>;

beforeAll(useCpuBackend);

const runs = new Map<string, TrainingRun>();
afterAll(() => runs.forEach((r) => r.dispose()));

/** The view and the page's analysis at p's step, for a word and an analogy. */
function at(p: EmbeddingsParams, q: { word: string; a: string; b: string; c: string } = p) {
  const cfg = runConfig(p);
  // One run per config and step: asking for step 0 after step 100 would otherwise rewind and retrain.
  const key = `${JSON.stringify(cfg)}|${p.step}`;
  let r = runs.get(key);
  if (!r) runs.set(key, (r = new TrainingRun(cfg)));
  r.advance(p.step);
  const v = r.view();
  return { v, an: analyse(v.vocab, v.embeddings, v.dim, { ...q, show: p.picture }, p.corpus === 'builtin') };
}

const rankOf = (p: EmbeddingsParams, a: string, b: string, c: string) => at(p, { word: a, a, b, c }).an.analogy.expected?.rank ?? Infinity;

const CHECKS: Record<string, (p: EmbeddingsParams) => Facts> = {
  'Train to step 60': (p) => {
    expect(rankOf(p, 'king', 'man', 'woman')).toBe(1);
    expect(rankOf(p, 'paris', 'france', 'italy')).toBe(1);
    expect(rankOf({ ...p, step: 0 }, 'king', 'man', 'woman')).toBeGreaterThan(1);
    // In the picture, the end of the arrow a − b + c is nearest to queen of the words drawn.
    const { v, an } = at(p);
    const [px, py] = an.analogy.point!;
    const nearest = an.shown.filter((i) => !an.analogy.idx.includes(i)).sort((i, j) => Math.hypot(an.xy[i][0] - px, an.xy[i][1] - py) - Math.hypot(an.xy[j][0] - px, an.xy[j][1] - py))[0];
    expect(v.vocab[nearest]).toBe('queen');
    // "runs parallel": the two arrows point the same way in the picture (cosine of their directions).
    const [ia, ib, ic] = an.analogy.idx;
    const d1 = [an.xy[ia][0] - an.xy[ib][0], an.xy[ia][1] - an.xy[ib][1]], d2 = [px - an.xy[ic][0], py - an.xy[ic][1]];
    expect(Math.hypot(d1[0] - d2[0], d1[1] - d2[1])).toBeLessThan(1e-9 * (1 + Math.hypot(d1[0], d1[1])));
    return { '60': p.step };
  },
  'A window of 1': (p) => {
    const { v, an } = at(p, { ...p, word: 'king' });
    expect(v.vocab[an.neighbours[0].index]).toBe('queen');
    // With the default window queen is not that close: the window is what does it.
    const d = at({ ...p, window: defaults(schema).window }, { ...p, word: 'king' });
    const qd = d.an.neighbours.find((s) => d.v.vocab[s.index] === 'queen')?.cos ?? -1;
    expect(qd).toBeLessThan(an.neighbours[0].cos - 0.1);
    return { '1': p.window, '0.97': an.neighbours[0].cos };
  },
  'A window of 5': (p) => {
    const { v, an } = at(p, { ...p, word: 'king' });
    const nn = an.neighbours.map((s) => v.vocab[s.index]);
    for (const w of ['throne', 'guards', 'wise']) expect(nn).toContain(w);
    return { '5': p.window };
  },
  'Too few dimensions': (p) => {
    const { an } = at(p);
    expect(rankOf(p, 'king', 'man', 'woman')).toBeGreaterThan(3);
    return { '2': p.dim, '0.90': meanCosine(an.vectors) };
  },
  'No negatives': (p) => {
    const { v } = at(p);
    expect(rankOf(p, 'walked', 'walk', 'swim')).toBeGreaterThan(1);
    return { '0.01': atMost(0.01, v.loss) };
  },
  'Train on a text of your own': (p) => {
    expect(corpusProblem(corpusOf(p), p.window)).toBeNull();
    const top = (q: EmbeddingsParams) => {
      const { v, an } = at(q);
      return an.neighbours.map((s) => v.vocab[s.index]);
    };
    const one = top(p), two = top({ ...p, seed: p.seed + 1 });
    expect(new Set(one.slice(0, 2))).toEqual(new Set(['dog', 'mouse']));
    expect(new Set(two.slice(0, 2))).toEqual(new Set(['dog', 'mouse']));
    // "Further down, the list changes with the seed."
    expect(one.slice(2)).not.toEqual(two.slice(2));
    return {};
  },
};

// The must-hold truth of PANELS.md #19, on the default run (seeded, CPU): every analogy the
// built-in corpus is built to hold ranks its word in the top 3 by step TRAINED_STEP, and none
// does at the random start (so the check can fail).
it(`the default run: by step ${TRAINED_STEP} every built-in analogy ranks its word in the top 3`, () => {
  const p = { ...defaults(schema), step: TRAINED_STEP };
  for (const q of BUILT_IN_ANALOGIES) {
    expect(rankOf(p, q.a, q.b, q.c), `${q.a} − ${q.b} + ${q.c} → ${q.expected}`).toBeLessThanOrEqual(3);
    expect(rankOf({ ...p, step: 0 }, q.a, q.b, q.c)).toBeGreaterThan(3);
  }
  // And the training did lower the loss.
  expect(at(p).v.loss).toBeLessThan(at({ ...p, step: 0 }).v.loss / 2);
}, 60_000);

for (const ex of panel.experiments) {
  it(ex.title, () => {
    const p: EmbeddingsParams = { ...defaults(schema), ...ex.params };
    expectQuoted(`${ex.title}. ${ex.notice}`, CHECKS[ex.title]?.(p) ?? {});
  }, 60_000);
}
