/**
 * Bulk link fuzzing, in Node: every panel's params codec gets LINK_FUZZ_CASES (default 1,000)
 * seeded hostile links, and the panels whose model is a pure function that runs in Node in
 * reasonable time get the repaired params of MODEL_FUZZ_CASES of them (default 50, distinct).
 * The browser fuzzer (e2e/fuzz.spec.ts) keeps a few links per panel for what only a page can
 * show: rendering, script injection, the link notice. FUZZ_SEED varies the links; a failure
 * names the panel, the case index and the query, so it is reproduced by seed and index.
 *
 * Panels are found the way the app finds them (a glob over the folders), so a new panel is
 * fuzzed the day it is added; its model joins below when someone writes its adapter.
 */
import { describe, expect, it } from 'vitest';
import { edgeQuery, fuzzRng, hostileQuery } from '../lib/params/hostile';
import type { ParamSpec, Params, Schema } from '../lib/params/schema';
import type { PanelStore } from '../lib/params/store';
import { parseQuery, serialize } from '../lib/params/url';
import { computeMechanics } from './attention/model';
import { EXAMPLES, type AttentionParams } from './attention/params';
import { computeBiasVariance, readout as bvReadout } from './bias-variance/model';
import type { BiasVarianceParams } from './bias-variance/params';
import { computeCv, computeLeak, computeSpread } from './cross-validation/model';
import type { CvParams } from './cross-validation/params';
import { readoutRows as cvRows } from './cross-validation/readout';
import { analyse, syntheticSet } from './precision-recall/model';
import type { PrParams } from './precision-recall/params';
import { readoutRows as prRows } from './precision-recall/readout';
import { createFrameComputer, frameInput } from './bagging-boosting/compute';
import type { BBParams } from './bagging-boosting/params';
import { readoutRows as bbRows } from './bagging-boosting/readout';
import { computeImbalance } from './imbalanced-data/present';
import type { ImbalanceParams } from './imbalanced-data/params';
import { readoutRows as idRows } from './imbalanced-data/readout';
import { computeForest } from './random-forest/model';
import type { ForestParams } from './random-forest/params';
import { readoutRows as rfRows } from './random-forest/readout';
import { abInput, abStudy, driftInput, driftStudy, simInput, simulate } from './deployment/model';
import type { DeployParams } from './deployment/params';
import { abRows, driftRows, serveRows } from './deployment/readout';
import { computeCase } from './feature-engineering/model';
import type { FeParams } from './feature-engineering/params';
import { readoutRows as feRows } from './feature-engineering/readout';
import { runStudy } from './missing-data/model';
import { computeWorkflow, inputOf } from './ml-workflow/model';
import type { WfParams } from './ml-workflow/params';
import { penguins } from './ml-workflow/penguins.testutil';
import { readoutRows as wfRows } from './ml-workflow/readout';
import type { MissingParams } from './missing-data/params';
import { readoutRows as mdRows } from './missing-data/readout';
import { runRegularization } from './regularization/compute';
import type { RegParams } from './regularization/params';
import { readoutRows as regRows } from './regularization/readout';

const CASES = Number(process.env.LINK_FUZZ_CASES ?? 1000);
const MODEL_CASES = Number(process.env.MODEL_FUZZ_CASES ?? 50);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);

/** Runs a panel's computation the way its view does and returns what the readout would show
 *  (as text). Only panels whose model is plain TypeScript fast enough in Node are here; the
 *  tfjs and training panels get the codec checks, and the browser fuzzer covers their views. */
type ModelRun = (p: Params<Schema>) => Promise<string[]>;
/** The text of a readout value (a string, a number or React elements holding them). */
function plain(node: unknown): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (Array.isArray(node)) return node.map(plain).join('');
  if (typeof node === 'object') return plain((node as { props?: { children?: unknown } }).props?.children);
  return String(node);
}
const text = (rows: readonly { label: unknown; value: unknown }[]) => rows.map((r) => `${plain(r.label)}: ${plain(r.value)}`);
const MODELS: Record<string, ModelRun> = {
  attention: async (raw) => {
    const p = raw as unknown as AttentionParams;
    if (p.mode !== 'mechanics') return []; // trained mode trains a tfjs model: browser only
    const r = computeMechanics({
      text: p.sentence === 'custom' ? p.text : EXAMPLES[p.sentence],
      ...{ dk: p.dk, heads: p.heads, head: p.head, query: p.query, causal: p.causal, scale: p.scale, positions: p.positions, seed: p.seed },
    });
    const shown = [r.message ?? '', ...r.labels];
    if (r.n > 0) shown.push(...[r.meanEntropy, r.meanEntropyOther, r.meanEntropyAllHeads, r.scoreStd, r.rowSumErr, ...r.entropies].map(String));
    return shown;
  },
  'bias-variance': async (raw) => {
    const p = raw as unknown as BiasVarianceParams;
    const r = await computeBiasVariance(p, { engine: 'float64', design: p.design });
    return [r.message, ...bvReadout(r).map((x) => `${x.label}: ${x.value}`)];
  },
  'cross-validation': async (raw) => {
    const p = raw as unknown as CvParams;
    const { leak, n, folds, k, features, keep, seed, balance, groups, groupEffect } = p;
    // The same inputs CrossValidationView builds for its three computations.
    const leakIn = leak === 'selection' ? { leak, n, folds, k, features, keep, seed, balance: 0.3, groups: 2, groupEffect: 0 } : { leak, n, folds, k, features: 10, keep: 1, seed, balance, groups, groupEffect };
    return text(cvRows(p, computeCv(p), computeSpread(p), computeLeak(leakIn)));
  },
  'precision-recall': async (raw) => {
    const p = raw as unknown as PrParams;
    if (p.data === 'spam') return []; // the spam corpus is a Vite virtual module: browser only
    return text(prRows(analyse(syntheticSet(p), p)));
  },
  regularization: async (raw) => text(regRows(runRegularization(raw as unknown as RegParams))),
  'random-forest': async (raw) => {
    const p = raw as unknown as ForestParams;
    return text(rfRows(p, computeForest(p)));
  },
  'bagging-boosting': async (raw) => {
    const p = raw as unknown as BBParams;
    return text(bbRows(createFrameComputer(1).frame(frameInput(p)), p));
  },
  'imbalanced-data': async (raw) => {
    const p = raw as unknown as ImbalanceParams;
    if (p.data === 'sensors') return []; // the sensor table is a Vite virtual module: browser only
    return text(idRows(p, computeImbalance({ ...p, sensors: null })));
  },
  'feature-engineering': async (raw) => {
    const p = raw as unknown as FeParams;
    return text(feRows(p, computeCase({ ...p, wages: null }))); // the wages table is browser only, like the sensors
  },
  deployment: async (raw) => {
    const p = raw as unknown as DeployParams;
    // All three parts at the link's settings; the simulation shortened (its rows are the same kind).
    const s = { ...p, requests: Math.min(p.requests, 20_000) };
    return text([...serveRows(s, simulate(simInput(s)), p.t), ...driftRows(p, driftStudy(driftInput(p)), p.w), ...abRows(p, abStudy(abInput(p)))]);
  },
  'ml-workflow': async (raw) => {
    const p = raw as unknown as WfParams;
    return text(wfRows(p, computeWorkflow(inputOf(p), penguins()))); // the table read from node_modules, as the panel's tests do
  },
  'missing-data': async (raw) => {
    const p = raw as unknown as MissingParams;
    // Few, small draws: the fuzz is after NaN and crashes at the link's settings, not the study's spread.
    const { mechanism, rate, rho, k, indicator, seed } = p;
    return text(mdRows({ ...p, draws: Math.min(p.draws, 3) }, runStudy({ mechanism, rate, rho, k, indicator, seed, n: Math.min(p.n, 120), draws: Math.min(p.draws, 3) })));
  },
};

const stores = import.meta.glob<PanelStore<Schema>>('./*/store.ts', { eager: true, import: 'store' });
const PANELS = Object.entries(stores).map(([path, store]) => ({ slug: path.split('/')[1], store }));

// C0/C1 controls and the bidirectional overrides (what schema.ts strips from text params).
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** What is wrong with one repaired value, or null. */
function invalid(spec: ParamSpec, v: unknown): string | null {
  switch (spec.kind) {
    case 'number':
    case 'int':
      if (typeof v !== 'number' || !Number.isFinite(v)) return `not a finite number: ${String(v)}`;
      if (v < spec.min || v > spec.max) return `${v} outside ${spec.min}…${spec.max}`;
      return spec.kind === 'int' && !Number.isInteger(v) ? `${v} is not an integer` : null;
    case 'choice':
      return (spec.options as readonly unknown[]).includes(v) ? null : `${String(v)} is not an option`;
    case 'multi': {
      if (!Array.isArray(v)) return 'not a list';
      if (v.some((x) => !(spec.options as readonly unknown[]).includes(x))) return `${v.join(',')} has unknown options`;
      if (new Set(v).size !== v.length) return `${v.join(',')} repeats an option`;
      return v.length < (spec.minCount ?? 0) ? 'too few options' : null;
    }
    case 'bool':
      return typeof v === 'boolean' ? null : `${String(v)} is not a boolean`;
    case 'vec':
      if (!Array.isArray(v) || v.length !== spec.length) return 'wrong length';
      return v.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= spec.min && x <= spec.max) ? null : `${v.join(',')} out of range`;
    case 'text':
      if (typeof v !== 'string') return 'not text';
      if (Array.from(v).length > spec.maxLength) return `longer than ${spec.maxLength}`;
      return UNSAFE.test(v) ? 'holds control or bidi-override characters' : null;
  }
}

/** A value as its link would carry it: -0 and 0 alike. */
const asLink = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

/** The seeded links for one panel: hostile ones and edge-of-range ones, alternating. */
function links(slug: string, schema: Schema): string[] {
  const rng = fuzzRng(SEED, slug);
  const keys = Object.keys(schema);
  return Array.from({ length: CASES }, (_, i) => (i % 2 === 0 ? hostileQuery(rng, keys) : edgeQuery(rng, schema)));
}

describe.each(PANELS)('link fuzzing: $slug', ({ slug, store }) => {
  const { schema, migrations } = store;
  const queries = links(slug, schema);
  const label = (i: number) => `${slug} case ${i} (seed ${SEED}): ?${queries[i].slice(0, 200)}`;

  it(`${CASES} hostile links: no throw, every value valid, repairs reported, links round-trip`, () => {
    expect(PANELS.length).toBeGreaterThanOrEqual(1);
    queries.forEach((q, i) => {
      const { params, problems } = parseQuery(schema, `?${q}`, migrations);
      // Every generated link carries at least one repairable value.
      expect(problems.length, label(i)).toBeGreaterThan(0);
      for (const [k, spec] of Object.entries(schema)) expect(invalid(spec, (params as Record<string, unknown>)[k]), `${label(i)} → ${k}`).toBeNull();
      expect(Object.keys(params).sort(), label(i)).toEqual(Object.keys(schema).sort());
      // The link the app writes back is clean: it reads back to the same params, with no
      // notice, and carries no raw markup or control characters.
      const link = serialize(schema, params);
      expect(link, label(i)).not.toMatch(/[<>"`\s]/);
      expect(link, label(i)).not.toMatch(UNSAFE);
      const back = parseQuery(schema, `?${link}`, migrations);
      expect(back.problems, label(i)).toEqual([]);
      // Compared as the link sees them (-0 reads as 0; -0 itself is checked once, below).
      expect(asLink(back.params), label(i)).toEqual(asLink(params));
      expect(serialize(schema, back.params), label(i)).toBe(link);
    });
  });

  it('the store reports each repair as a notice and clears them on a clean link', () => {
    const s = store.getState();
    queries.slice(0, 100).forEach((q, i) => {
      s.loadQuery(`?${q}`);
      expect(store.getState().notices.length, label(i)).toBeGreaterThan(0);
      for (const n of store.getState().notices) expect(n.trim(), label(i)).not.toBe('');
      s.loadQuery(`?${serialize(schema, store.getState().params)}`);
      expect(store.getState().notices, label(i)).toEqual([]);
    });
    s.reset();
  });

  const model = MODELS[slug];
  it.skipIf(!model || MODEL_CASES <= 0)(`the model runs on ${MODEL_CASES} distinct repaired links: no throw, no NaN shown`, async () => {
    const seen = new Set<string>();
    for (let i = 0; i < queries.length && seen.size < MODEL_CASES; i++) {
      const { params } = parseQuery(schema, `?${queries[i]}`, migrations);
      const key = serialize(schema, params);
      if (seen.has(key)) continue;
      seen.add(key);
      let shown: string[];
      try {
        shown = await model!(params as Params<Schema>);
      } catch (e) {
        throw new Error(`${label(i)}: the model threw ${String(e)}`, { cause: e });
      }
      for (const t of shown) expect(t, `${label(i)} → ${key}`).not.toMatch(/NaN|Infinity/);
    }
  }, 120_000);
});

// Two properties of the shared codec (src/lib/params), checked once over every panel's links:
// a repaired number is never -0 (the link writes it back as 0, so the store would hold a value
// its own link does not), and a notice never quotes a control or bidi-override character from the
// link (one could reorder or hide the notice's own words).
it('the codec holds no -0 and its notices quote no control or bidi-override characters', () => {
  const bad: string[] = [];
  for (const { slug, store } of PANELS) {
    links(slug, store.schema).slice(0, 300).forEach((q, i) => {
      const { params, problems } = parseQuery(store.schema, `?${q}`, store.migrations);
      const negZero = Object.entries(params as Record<string, unknown>).filter(([, v]) => [v].flat().some((x) => Object.is(x, -0)));
      if (negZero.length) bad.push(`${slug} case ${i}: ${negZero.map(([k]) => k).join(', ')} is -0`);
      const unsafe = problems.filter((p) => UNSAFE.test(p));
      if (unsafe.length) bad.push(`${slug} case ${i}: notice ${JSON.stringify(unsafe[0].slice(0, 60))}`);
    });
  }
  expect(bad.slice(0, 10), `${bad.length} cases (fix in lib/params: coerce, shorten)`).toEqual([]);
});
