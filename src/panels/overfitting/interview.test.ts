/**
 * Interview mode (issue 15): every check's stated answer is what the panel's own training
 * (makeTraining on the specs the view builds, the default float64 engine, as the worker runs it)
 * gives at the check's state, every "show me" state shows what its words claim, and the texts
 * quote no number that is not checked. States are opened as a link opens them: schema defaults
 * plus the state. Runs are cached by spec and only ever trained forward (400, then 1000), so the
 * runs that several states share (A by default, B plain) are trained once.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { expectQuoted, quotedNumbers } from '../../lib/panel/quoted';
import { specA, specB, specKey, type RunSpec } from './model';
import { schema, type OverfitParams } from './params';
import { makeTraining, type RunState } from './training';
import { interview } from './interview';

const trainings = new Map<string, ReturnType<typeof makeTraining>>();
function runAt(spec: RunSpec, epoch: number): RunState {
  const key = specKey(spec);
  let t = trainings.get(key);
  if (!t) trainings.set(key, (t = makeTraining({ key, a: spec, b: null })));
  t.advance(epoch, Infinity);
  const v = t.view(epoch);
  expect(v.reached).toBe(true);
  return v.a;
}
const full = (over: Partial<OverfitParams>): OverfitParams => ({ ...defaults(schema), ...over });
/** A and B at the state's epoch, on the specs the view builds (useTraining.ts). */
function at(over: Partial<OverfitParams>): { a: RunState; b: RunState | null } {
  const p = full(over);
  const b = specB(p);
  return { a: runAt(specA(p), p.epoch), b: b ? runAt(b, p.epoch) : null };
}
const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;
const text = interview.answer.map((para) => para.map((x) => (typeof x === 'string' ? x : x.text)).join('')).join(' ');
const links = Object.fromEntries(interview.answer.flat().flatMap((x) => (typeof x === 'string' ? [] : [[x.text, x.params]])));
const byId = Object.fromEntries(interview.checks.map((c) => [c.id, c]));
/** The option whose rival is clearly lower (under 0.8×), else the tie option. */
const lowerOf = (x: number, y: number, ifX: number, ifY: number, tie: number) => (x < 0.8 * y ? ifX : y < 0.8 * x ? ifY : tie);

describe('overfitting interview', () => {
  it('the answer is 120–250 words with at least two "show me" links, all on generated data', () => {
    expect(wordCount(text)).toBeGreaterThanOrEqual(120);
    expect(wordCount(text)).toBeLessThanOrEqual(250);
    expect(Object.keys(links).length).toBeGreaterThanOrEqual(2);
    for (const s of [...Object.values(links), ...interview.checks.map((c) => c.state)]) expect(s.dataset ?? defaults(schema).dataset).not.toBe('csv');
    expect(quotedNumbers(text)).toEqual([]);
    expect(full({}).engine).toBe('js'); // the float64 engine: the same numbers on every machine
  });

  it('each "show me" state shows its claim', () => {
    // More data: B's validation loss is well below A's (at 400, before the other states train on).
    const more = at(links['more training points']);
    expect(more.b!.now.valLoss).toBeLessThan(0.8 * more.a.now.valLoss);
    // A large network on a few noisy points: training loss near zero, validation loss climbing
    // after an early minimum.
    const { a } = at(links['Train a large network on a few noisy points']);
    expect(a.now.trainLoss).toBeLessThan(0.01);
    expect(a.bestEpoch).toBeLessThan(a.epoch / 5);
    expect(a.now.valLoss).toBeGreaterThan(2 * a.hist.valLoss[a.bestEpoch]);
    expect(a.now.valLoss).toBeGreaterThan(a.hist.valLoss[400]);
    // Dropout and weight decay: A's validation loss far below the plain B's.
    const reg = at(links['dropout and weight decay']);
    expect(reg.a.now.valLoss).toBeLessThan(0.5 * reg.b!.now.valLoss);
    // A smaller network: B (one layer of 4) ends with the lower validation loss.
    const small = at(links['a smaller network']);
    expect(specB(full(links['a smaller network']))!.cfg.arch.sizes).toEqual([2, 4, 1]);
    expect(small.b!.now.valLoss).toBeLessThan(0.8 * small.a.now.valLoss);
    // Early stopping keeps the weights of the lowest validation loss.
    const es = at(links['early stopping']).a;
    expect(es.stoppedAt).not.toBeNull();
    expect(es.shown).toBe(es.bestEpoch);
    expect(es.now.valLoss).toBe(Math.min(...es.hist.valLoss));
  });

  it('each check has options, a valid answer and a state, and quotes only checked numbers', () => {
    expect(interview.checks.length).toBeGreaterThanOrEqual(3);
    for (const c of interview.checks) {
      expect(c.options.length).toBeGreaterThanOrEqual(2);
      expect(c.answer).toBeGreaterThanOrEqual(0);
      expect(c.answer).toBeLessThan(c.options.length);
      expect(Object.keys(c.state).every((k) => k in schema)).toBe(true);
    }
    expect(quotedNumbers(interview.checks.map((c) => c.why).join(' '))).toEqual([]);
    expect(quotedNumbers(interview.followUps.map((f) => `${f.question} ${f.answer}`).join(' '))).toEqual([]);
  });

  it('the numbers in the questions are the settings of their states', () => {
    const d = defaults(schema);
    const v = byId['val-after-best'];
    expectQuoted(v.question, { '30': d.n, '400': d.epoch, '1000': v.state.epoch! });
    const m = byId['more-data'];
    const pm = full(m.state);
    expectQuoted(m.question, { '4': specB(pm)!.n / pm.n, '120': specB(pm)!.n, '30': pm.n, '400': pm.epoch });
    expectQuoted(byId['regularised-train-loss'].question, { '1000': byId['regularised-train-loss'].state.epoch! });
    expectQuoted(byId['early-stop-weights'].question, { '50': byId['early-stop-weights'].state.patience! });
  });

  it('more data: B’s validation loss is lower', () => {
    const c = byId['more-data'];
    const { a, b } = at(c.state);
    expect(c.options[lowerOf(b!.now.valLoss, a.now.valLoss, 0, 1, 2)]).toBe(c.options[c.answer]);
  });
  it('from epoch 400 to 1000 the validation loss rises while the training loss falls', () => {
    const c = byId['val-after-best'];
    const { a } = at(c.state);
    const h = a.hist, e0 = defaults(schema).epoch, e1 = c.state.epoch!;
    const valUp = h.valLoss[e1] > h.valLoss[e0], trainUp = h.trainLoss[e1] > h.trainLoss[e0];
    const computed = valUp && !trainUp ? 0 : !valUp && !trainUp ? 1 : valUp && trainUp ? 2 : -1;
    expect(c.options[computed]).toBe(c.options[c.answer]);
  });
  it('regularised against plain: the plain network’s training loss is lower', () => {
    const c = byId['regularised-train-loss'];
    const { a, b } = at(c.state);
    expect(c.options[lowerOf(b!.now.trainLoss, a.now.trainLoss, 0, 1, 2)]).toBe(c.options[c.answer]);
    expect(a.now.valLoss).toBeLessThan(b!.now.valLoss); // the why: "its validation loss is far lower"
  });
  it('early stopping shows the weights of the lowest validation loss', () => {
    const c = byId['early-stop-weights'];
    const { a } = at(c.state);
    expect(a.stoppedAt).not.toBeNull();
    const h = a.hist;
    const argmin = (xs: number[]) => xs.indexOf(Math.min(...xs));
    // The first option that names the shown epoch (the best, the last, the lowest training loss).
    const computed = [a.bestEpoch, a.stoppedAt!, argmin(h.trainLoss)].indexOf(a.shown);
    expect(a.bestEpoch).toBe(argmin(h.valLoss));
    expect(a.shown).not.toBe(a.stoppedAt); // the options name different epochs here
    expect(c.options[computed]).toBe(c.options[c.answer]);
  });
});
