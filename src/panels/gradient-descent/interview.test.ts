/**
 * Interview mode (issue 15): every check's stated answer is what the race computes at the check's
 * state, every "show me" state shows what its words claim, and the texts quote no number that is
 * not checked. States open as a link opens them (schema defaults plus the state). Each answer is
 * computed twice, with the panel's own race (raceFor: tfjs float32 gradients, as in the worker)
 * and with float64 analytic gradients, so a stated answer cannot hang on float32 rounding.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { expectQuoted, quotedNumbers } from '../../lib/panel/quoted';
import type { ShowMe } from '../../lib/panel/types';
import { useCpuBackend } from '../../lib/tf/testing';
import { createRace, raceFor, racersFrom, startOf, surfaceOf, type OptimizerRun } from './model';
import type { OptimizerName } from './optimizers';
import { MAX_STEPS, N_POINTS, schema, type GDParams } from './params';
import { interview } from './interview';

const D = defaults(schema);
type Gradients = 'tfjs' | 'analytic';
const SOURCES: Gradients[] = ['tfjs', 'analytic'];
const stateOf = (over: Partial<GDParams>): GDParams => ({ ...D, ...over });
/** Every selected optimizer from the state's start, `steps` iterations. */
function race(over: Partial<GDParams>, gradients: Gradients, steps: number): OptimizerRun[] {
  const p = stateOf(over);
  if (gradients === 'tfjs') return raceFor(p).at(steps);
  const s = surfaceOf(p);
  return createRace(s, racersFrom(p), startOf(p, s), { gradients, batch: p.batch, seed: p.seed }).at(steps);
}
const run = (runs: OptimizerRun[], name: OptimizerName) => runs.find((r) => r.name === name)!;
const last = (r: OptimizerRun) => r.path[r.path.length - 1];
/** Iteration at which a run converged, Infinity if it has not. */
const arrival = (r: OptimizerRun) => (r.status === 'converged' ? r.stoppedAt! : Infinity);
/** First iteration at which |y| reaches 1 (off the saddle's ridge), Infinity if never. */
const leftSaddle = (r: OptimizerRun) => {
  const i = r.path.findIndex((q) => Math.abs(q[1]) >= 1);
  return i < 0 ? Infinity : i;
};
/** Index (0 = lowest) of the minimum a run ended nearest to. */
const nearestMin = (over: Partial<GDParams>, r: OptimizerRun) => {
  const q = last(r);
  const d = surfaceOf(stateOf(over)).minima.map((m) => Math.hypot(q[0] - m.at[0], q[1] - m.at[1]));
  return d.indexOf(Math.min(...d));
};
/** The option a list of named numbers picks: the smallest, if it is unique and finite. */
const argminName = (xs: [string, number][]) => {
  const best = Math.min(...xs.map((x) => x[1]));
  const at = xs.filter((x) => x[1] === best);
  return at.length === 1 && Number.isFinite(best) ? at[0][0] : 'none';
};
const LABEL: Partial<Record<OptimizerName, string>> = { sgd: 'Gradient descent', momentum: 'Momentum', adam: 'Adam' };

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;
const text = interview.answer.map((para) => para.map((x) => (typeof x === 'string' ? x : x.text)).join('')).join(' ');
const links = interview.answer.flat().filter((x): x is ShowMe<typeof schema> => typeof x !== 'string');
const link = (words: string) => {
  const l = links.find((x) => x.text === words);
  if (!l) throw new Error(`no show-me link "${words}"`);
  return l.params;
};
const byId = Object.fromEntries(interview.checks.map((c) => [c.id, c]));

beforeAll(useCpuBackend);

describe('gradient-descent interview', () => {
  it('the answer is 120–250 words with at least two "show me" links; its only number is the 2 of 2/L', () => {
    expect(wordCount(text)).toBeGreaterThanOrEqual(120);
    expect(wordCount(text)).toBeLessThanOrEqual(250);
    expect(links.length).toBeGreaterThanOrEqual(2);
    expectQuoted(text, { '2': 'setting' });
    for (const l of links) expect(Object.keys(l.params).every((k) => k in schema)).toBe(true);
  });

  for (const g of SOURCES)
    it(`each "show me" state shows its claim (${g} gradients)`, () => {
      const over = link('overshoots and diverges');
      expect(stateOf(over).lr).toBeGreaterThan(2 / surfaceOf(stateOf(over)).L!);
      expect(race(over, g, over.step!)[0].status).toBe('diverged');
      // Stretched bowl: gradient descent still on its way when momentum has arrived.
      const ravineP = link('stretched bowl');
      const ravine = race(ravineP, g, ravineP.step!);
      expect([run(ravine, 'sgd').status, run(ravine, 'momentum').status]).toEqual(['ok', 'converged']);
      // Uneven scales: both adaptive methods end nearer the minimum than gradient descent.
      const unevenP = link('evens out uneven scales');
      const uneven = race(unevenP, g, unevenP.step!);
      const d = (r: OptimizerRun) => Math.hypot(...last(r));
      for (const a of ['rmsprop', 'adam'] as const) expect(d(run(uneven, a)) * 10).toBeLessThan(d(run(uneven, 'sgd')));
      // Saddle: Adam is off the ridge in well under a third of gradient descent's time.
      const saddleP = link('leaves a saddle quickly');
      const saddle = race(saddleP, g, saddleP.step!);
      expect(leftSaddle(run(saddle, 'adam')) * 3).toBeLessThan(leftSaddle(run(saddle, 'sgd')));
      // One example per step: never settles, while the full batch does at the same step.
      const oneP = link('noisy ones');
      expect(race(oneP, g, oneP.step!)[0].status).toBe('ok');
      expect(race({ ...oneP, batch: N_POINTS }, g, oneP.step!)[0].status).toBe('converged');
      // Several valleys: gradient descent settles in a minimum that is not the lowest.
      const valleysP = link('gradient descent can stop in a valley that is not the lowest');
      const valleys = run(race(valleysP, g, valleysP.step!), 'sgd');
      expect(valleys.status).toBe('converged');
      expect(nearestMin(valleysP, valleys)).not.toBe(0);
    });

  it('each check has options, a valid answer and a state; its numbers are settings or the model', () => {
    expect(interview.checks.length).toBeGreaterThanOrEqual(3);
    for (const c of interview.checks) {
      expect(c.options.length).toBeGreaterThanOrEqual(2);
      expect(c.answer).toBeGreaterThanOrEqual(0);
      expect(c.answer).toBeLessThan(c.options.length);
      expect(Object.keys(c.state).every((k) => k in schema)).toBe(true);
    }
    const [race0, over, ravine, saddle, local] = interview.checks;
    expectQuoted(race0.question, { '10': D.kappa });
    expectQuoted(race0.why, { '0.9': D.momentum });
    const L = surfaceOf(stateOf(over.state)).L!;
    expectQuoted(over.question, { '10': L, '0.17': D.lr, '0.21': over.state.lr! });
    expectQuoted(over.why, { '2': 'setting' });
    expect(1 - over.state.lr! * L).toBeLessThan(-1); // "that factor is below minus one"
    const rp = stateOf(ravine.state);
    expectQuoted(ravine.question, { '50': rp.kappa, '0.038': rp.lr, '2': 'setting', '0.6': rp.momentum });
    expect(rp.lr).toBeLessThan(2 / surfaceOf(rp).L!); // "just under 2/L"
    expect(rp.lr).toBeGreaterThan(0.9 * (2 / surfaceOf(rp).L!));
    expectQuoted(ravine.options.join(' '), { '500': MAX_STEPS });
    for (const c of [saddle, local]) expect(quotedNumbers(`${c.question} ${c.why} ${c.options.join(' ')}`)).toEqual([]);
    expect(stateOf(local.state).start[0]).toBeLessThan(0); // "at the upper left"
    expect(stateOf(local.state).start[1]).toBeGreaterThan(0);
    expect(quotedNumbers(interview.followUps.map((f) => `${f.question} ${f.answer}`).join(' '))).toEqual([]);
  });

  for (const g of SOURCES) {
    it(`default bowl: gradient descent arrives first (${g})`, () => {
      const c = byId['default-race'];
      const runs = race(c.state, g, MAX_STEPS);
      const first = argminName(runs.map((r) => [LABEL[r.name]!, arrival(r)]));
      expect(first).toBe(c.options[c.answer]);
      expect(arrival(run(runs, 'sgd'))).toBeLessThanOrEqual(c.state.step!); // the state shows it arrived
    });
    it(`a step over 2/L diverges (${g})`, () => {
      const c = byId['step-over-limit'];
      const over = race(c.state, g, c.state.step!)[0];
      const under = race({ ...c.state, lr: D.lr }, g, c.state.step!)[0];
      const computed = over.status === 'diverged' ? 2 : arrival(over) < arrival(under) ? 0 : over.status === 'converged' ? 1 : -1;
      expect(computed).toBe(c.answer);
    });
    it(`ravine: momentum arrives first (${g})`, () => {
      const c = byId['ravine'];
      const runs = race(c.state, g, MAX_STEPS);
      const first = argminName(runs.map((r) => [LABEL[r.name]!, arrival(r)]));
      expect(first === 'none' ? c.options[2] : first).toBe(c.options[c.answer]);
    });
    it(`saddle: Adam leaves first (${g})`, () => {
      const c = byId['saddle'];
      const runs = race(c.state, g, c.state.step!);
      expect(argminName(runs.map((r) => [LABEL[r.name]!, leftSaddle(r)]))).toBe(c.options[c.answer]);
    });
    it(`several valleys: gradient descent stops in a valley that is not the lowest (${g})`, () => {
      const c = byId['local-min'];
      const r = run(race(c.state, g, c.state.step!), 'sgd');
      const computed = r.status !== 'converged' ? 2 : nearestMin(c.state, r) === 0 ? 0 : 1;
      expect(computed).toBe(c.answer);
    });
  }
});
