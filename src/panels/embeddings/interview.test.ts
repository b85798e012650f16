/**
 * Interview mode (issue 15): each check's stated answer is what the trained model (TrainingRun,
 * what the worker trains, here on the CPU backend) and the page's analysis give at the check's
 * state, defaults plus the state as a link opens it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { quotedNumbers } from '../../lib/panel/quoted';
import { useCpuBackend } from '../../lib/tf/testing';
import { analyse } from './analysis';
import { oneHotCosine } from './model';
import { schema, type EmbeddingsParams } from './params';
import { runConfig, TrainingRun } from './run';
import { interview } from './interview';

beforeAll(useCpuBackend);
const runs = new Map<string, TrainingRun>();
afterAll(() => runs.forEach((r) => r.dispose()));

function at(over: Partial<EmbeddingsParams>) {
  const p: EmbeddingsParams = { ...defaults(schema), ...over };
  const key = `${JSON.stringify(runConfig(p))}|${p.step}`;
  let r = runs.get(key);
  if (!r) runs.set(key, (r = new TrainingRun(runConfig(p))));
  r.advance(p.step);
  const v = r.view();
  return { p, v, an: analyse(v.vocab, v.embeddings, v.dim, { word: p.word, a: p.a, b: p.b, c: p.c, show: p.picture }, p.corpus === 'builtin') };
}
const byId = Object.fromEntries(interview.checks.map((c) => [c.id, c]));
const rankPick = (rank: number) => (rank === 1 ? 0 : rank <= 3 ? 1 : 2);

describe('embeddings interview', () => {
  it('the answer is 120–250 words with at least two "show me" links, quoting no number', () => {
    const text = interview.answer.map((p) => p.map((x) => (typeof x === 'string' ? x : x.text)).join('')).join(' ');
    const n = text.split(/\s+/).filter(Boolean).length;
    expect(n).toBeGreaterThanOrEqual(120);
    expect(n).toBeLessThanOrEqual(250);
    expect(interview.answer.flat().filter((x) => typeof x !== 'string').length).toBeGreaterThanOrEqual(2);
    expect(quotedNumbers([text, ...interview.checks.map((c) => `${c.question} ${c.why}`), ...interview.followUps.map((f) => `${f.question} ${f.answer}`)].join(' '))).toEqual([]);
  });

  it('the default analogy is king − man + woman → queen', () => {
    const { p, an } = at({});
    expect([p.a, p.b, p.c]).toEqual(['king', 'man', 'woman']);
    expect(an.analogy.expected?.word).toBe('queen');
  });

  it('untrained: queen is nowhere near the top', () => {
    const c = byId['untrained-analogy'];
    const rank = at(c.state).an.analogy.expected!.rank;
    const computed = rank === 1 ? 1 : rank <= 3 ? 2 : 0;
    expect(c.options[computed]).toBe(c.options[c.answer]);
  });

  it('trained: queen ranks first', () => {
    const c = byId['trained-analogy'];
    expect(c.options[rankPick(at(c.state).an.analogy.expected!.rank)]).toBe(c.options[c.answer]);
  });

  it('one-hot: king and queen have cosine zero', () => {
    const c = byId['one-hot'];
    // The vocabulary does not depend on training: read it without training to the state's step.
    const { v } = at({ ...c.state, step: 0 });
    const cos = oneHotCosine(v.vocab.indexOf('king'), v.vocab.indexOf('queen'), v.vocab.length);
    const computed = cos === 0 ? 0 : cos === 1 ? 1 : 2;
    expect(c.options[computed]).toBe(c.options[c.answer]);
  });

  it('a narrow window finds words that replace each other: king’s nearest is queen', () => {
    const link = interview.answer.flat().find((x) => typeof x !== 'string' && x.text === 'context window');
    const { v, an } = at((link as { params: Partial<EmbeddingsParams> }).params);
    expect(v.vocab[an.neighbours[0].index]).toBe('queen');
  });
});
