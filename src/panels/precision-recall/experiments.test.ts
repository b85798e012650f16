/**
 * Every number a "Try this" experiment quotes, checked against the model at the experiment's
 * state (issue 16). The state is what the link opens: the schema defaults with the experiment's
 * params on top. The model is the panel's own pure code (syntheticSet + analyse; for the spam
 * data the whole corpus, split, trained and scored as the page does, then subsampled). A number
 * added to a notice without a check here fails, and so does a model change that moves one.
 * Everything is float64 JS (usesTf: false), so there is no backend to vary.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { expectQuoted, type Fact } from '../../lib/panel/quoted';
import panel from './panel';
import { analyse, subsampleToPrevalence, syntheticSet, type PrResult, type XY } from './model';
import { schema, type PrParams } from './params';
import { spamPoolSync, type SpamPool } from './spam';
import { decodeCorpus } from './spamCodec';
import { PER_GROUP, readSpamAssassin } from './spamCorpus.vite';
import { buildCorpus, sampleEmails } from './spamExtract';

const stateOf = (over: Partial<PrParams>): PrParams => ({ ...defaults(schema), ...over });

/** The held-out pool the page builds for a seed (spamData.ts), from the full corpus; built once. */
const pools = new Map<number, SpamPool>();
function spamPoolOf(seed: number): SpamPool {
  let pool = pools.get(seed);
  if (!pool) {
    const corpus = buildCorpus(sampleEmails(readSpamAssassin(process.cwd()), PER_GROUP));
    pool = spamPoolSync(decodeCorpus(corpus), corpus.vocab.length, seed);
    pools.set(seed, pool);
  }
  return pool;
}

/** What the view computes for a state (PrecisionRecallView's run, without the page's loader). */
function compute(p: PrParams): PrResult {
  if (p.data === 'spam') return analyse(subsampleToPrevalence(spamPoolOf(p.seed).test, p.prevalence, p.seed), p);
  return analyse(syntheticSet(p), p);
}

const defined = (v: number | null): number => {
  expect(v).not.toBeNull();
  return v as number;
};
/** The threshold of the sweep plot where a curve peaks. */
const peakAt = (curve: XY[]): number => curve.reduce((best, pt) => (pt[1] > best[1] ? pt : best))[0];

type Check = (r: PrResult, p: PrParams) => Record<string, Fact>;

/** Per experiment title: the fact behind every number its title and notice quote. */
const CHECKS: Record<string, Check> = {
  'Make positives rare': (r) => {
    const before = compute(stateOf({})).current.metrics;
    const c = r.current.counts;
    expect(r.current.threshold).toBe(0);
    return {
      '0': 'setting',
      '0.37': defined(before.precision),
      '0.05': defined(r.current.metrics.precision),
      '16': c.tp,
      '334': c.tp + c.fp,
      '0.9': defined(r.rocAuc),
    };
  },
  'Accuracy lies': (r) => {
    const m = r.current.metrics;
    const all = r.allNegative.metrics;
    // Always "negative": recall and F1 are 0, precision and MCC 0/0 (null here, never a number).
    expect([all.recall, all.f1, all.precision, all.mcc]).toEqual([0, 0, null, null]);
    return {
      '98.9': 100 * defined(m.accuracy),
      '99': 100 * defined(all.accuracy),
      '0.15': defined(m.f1),
      '0': defined(all.f1),
      '0.16': defined(m.mcc),
    };
  },
  'False alarms cost ten times more': (r, p) => {
    const before = compute(stateOf({})).best;
    expect(r.best.counts.fp).toBe(0); // "none of them wrongly"
    return {
      '1.06': before.threshold,
      '2.41': r.best.threshold,
      '10': p.costRatio,
      '9': (1 - p.prevalence) / p.prevalence,
      '2': p.separation,
      '2.25': r.population!.bayesThreshold,
      '12': r.best.counts.tp + r.best.counts.fp,
    };
  },
  'Recall first: F2': (r) => {
    const m = r.current.metrics;
    expect(r.current.threshold).toBe(0);
    // F2 peaks at a lower threshold than F1 on the sweep plot.
    expect(peakAt(r.sweep.fbeta)).toBeLessThan(peakAt(r.sweep.f1));
    return { '0': 'setting', '0.85': defined(m.recall), '0.37': defined(m.precision) };
  },
  'A real spam filter at 1% spam': (r, p) => {
    const whole = analyse(spamPoolOf(p.seed).test, p); // the corpus's own share of spam, nothing dropped
    const c = r.current.counts;
    return {
      '1': 100 * p.prevalence,
      '0.99': { value: defined(r.rocAuc), tol: 0.01 },
      '0': 'setting',
      '0.95': defined(whole.current.metrics.precision),
      '31': 100 * whole.prevalence,
      '0.31': defined(r.current.metrics.precision),
      '41': c.fp,
      '18': c.tp,
    };
  },
  'No positives at all': (r, p) => {
    expect(r.nPos).toBe(0);
    expect([r.current.metrics.recall, r.rocAuc, r.averagePrecision, r.pr]).toEqual([null, null, null, null]);
    return { '100': p.n, '0.1': 100 * p.prevalence };
  },
};

describe('every number the "Try this" texts quote holds at the experiment’s state (issue 16)', () => {
  it('no check is left for an experiment that is gone', () => {
    const titles = panel.experiments.map((e) => e.title);
    for (const t of Object.keys(CHECKS)) expect(titles).toContain(t);
  });
  for (const e of panel.experiments) {
    it(e.title, { timeout: 120_000 }, () => {
      const p = stateOf(e.params);
      const facts = CHECKS[e.title]?.(compute(p), p) ?? {};
      expectQuoted(`${e.title}: ${e.notice}`, facts);
    });
  }
});
