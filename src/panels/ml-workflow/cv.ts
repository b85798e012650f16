/**
 * The project's cross-validation stage (model.ts): the shared setup (labels, split, folds,
 * features), every score the project reads (cvStage), and the same scores in two halves for two
 * workers (foldPart, issue 8) joined to the bit by mergeFoldParts. Pure: no DOM.
 */
import { stream } from '../../lib/random/rng';
import { foldRows } from '../../lib/learn/kfold';
import { countClasses, mean, splitOf } from './head';
import { CATEGORICAL, COLUMN_LABELS, NUMERIC, type CatCol, type Table } from './data';
import { MODELS, type ModelKind } from './params';
import type { Matrix } from '../../lib/learn/api';
import { knnProbaFromLists, neighbourLists } from '../../lib/learn/knn';
import { accuracyOf, applyPrep, argmaxRows, fitCategories, fitModel, fitNumeric, HYPER, predictProba, prepOfParts, type Features, type PrepOptions } from './pipeline';
import { selfNeighbourLists } from './neighbours';
import type { PrepChoice, Score, WfInput } from './model';

export { countClasses, mean };

export const prepOf = (p: WfInput): PrepOptions => ({ impute: p.impute, scale: p.scale, encode: p.encode });

function features(t: Table, target: CatCol, y: Int32Array, leak: boolean, seed: number): Features {
  const numNames: string[] = NUMERIC.map((c) => COLUMN_LABELS[c]);
  const num: Float64Array[] = NUMERIC.map((c) => t.num[c]);
  if (leak) {
    // The field team's tag: 100–199 for the first class, 200–299 for the second, … (from the label).
    const rng = stream(seed, 'tag');
    num.push(Float64Array.from(y, (c) => (c < 0 ? NaN : 100 * (c + 1) + rng.int(100))));
    numNames.push('field tag');
  }
  const catNames = CATEGORICAL.filter((c) => c !== target);
  return { numNames, num, catNames: [...catNames], cat: catNames.map((c) => t.cat[c]) };
}

const sdOf = (v: number[]) => Math.sqrt(mean(v.map((x) => (x - mean(v)) ** 2)));

interface Ctx {
  F: Features;
  y: Int32Array;
  K: number;
  train: Int32Array;
  fold: Int32Array;
  k: number;
  /** Rows the preprocessing is fitted on, when fixed (the wrong move); null: each fold's training rows. */
  prepAll: Int32Array | null;
  /** The largest k the stage scores k-NN with (the neighbour lists' length, see KNN_MAX). */
  knnMax: number;
  memo: Memo;
}

/** What a context's folds share (made once, read by every score): each fold's rows (the same in
 *  every context), and per context with the same features and preprocessing rows, the fitted
 *  preprocessing's parts (the numeric columns' fills and scalers per imputation and scaling, the
 *  categories) and each fold's design matrices per option set. Preprocessing fitted on all rows
 *  is the same for every fold, so it is fitted once. The same numbers as fitting per score. */
interface Memo {
  rows: Map<number, { train: Int32Array; valid: Int32Array }>;
  num: Map<string, ReturnType<typeof fitNumeric>>;
  cats: Map<string, ReturnType<typeof fitCategories>>;
  data: Map<string, FoldData | null>;
}
const newMemo = (rows: Memo['rows']): Memo => ({ rows, num: new Map(), cats: new Map(), data: new Map() });

function cached<K, V>(m: Map<K, V>, key: K, make: () => V): V {
  let v = m.get(key);
  if (v === undefined) m.set(key, (v = make()));
  return v;
}

interface FoldData {
  train: Int32Array;
  valid: Int32Array;
  ytrain: Int32Array;
  Xtrain: Matrix;
  Xvalid: Matrix;
  /** The validation and training rows' nearest training rows, up to knnMax (made at the first k-NN). */
  lists?: { valid: Int32Array[]; train: Int32Array[] };
}

/** The largest k the project scores when k-NN is its model: one neighbour search per fold serves
 *  every k of the grid. With another model only the default k is scored (the models' row), and
 *  lists that long cost less to keep (a candidate is turned away by the 5th nearest, not the 31st). */
const KNN_MAX = Math.max(...HYPER.knn.grid, HYPER.knn.fallback);
const knnMaxOf = (model: ModelKind) => (model === 'knn' ? KNN_MAX : HYPER.knn.fallback);

function foldData(c: Ctx, f: number, options: PrepOptions): FoldData | null {
  const { impute, scale, encode } = options;
  return cached(c.memo.data, `${f} ${impute} ${scale} ${encode}`, () => {
    const { train, valid } = cached(c.memo.rows, f, () => foldRows(c.train, c.fold, f));
    if (valid.length === 0 || train.length === 0) return null;
    // fitPipeline's steps (fitPrep's parts, shared), with the design matrices kept (the models only read them).
    const rows = c.prepAll ?? train, at = c.prepAll ? 'all' : f;
    // The fills (a median sorts each column) serve both scalings: unscaled is the same without the scalers.
    const std = cached(c.memo.num, `${at} ${impute}`, () => fitNumeric(c.F, rows, impute, 'standard'));
    const num = scale === 'standard' ? std : { fill: std.fill, affine: std.affine.map(() => null) };
    const prep = prepOfParts(c.F, options, num, cached(c.memo.cats, `${at}`, () => fitCategories(c.F, rows)));
    return { train, valid, ytrain: Int32Array.from(train, (r) => c.y[r]), Xtrain: applyPrep(prep, c.F, train), Xvalid: applyPrep(prep, c.F, valid) };
  });
}

/** One fold of one pipeline's cross-validation: preprocessing and model fitted on the fold's
 *  training rows, scored on its validation rows and on its training rows (null: an empty fold). */
function foldScore(c: Ctx, f: number, options: PrepOptions, kind: ModelKind, hyper: number): FoldScore | null {
  const d = foldData(c, f, options);
  if (!d) return null;
  if (kind === 'knn' && hyper <= c.knnMax) {
    // knnProba from the shared lists: the same numbers (knn.test.ts), one search for the grid.
    d.lists ??= { valid: neighbourLists(d.Xtrain, d.Xvalid, c.knnMax), train: selfNeighbourLists(d.Xtrain, c.knnMax) };
    const val = argmaxRows(knnProbaFromLists(d.lists.valid, d.ytrain, hyper, c.K), c.K), tr = argmaxRows(knnProbaFromLists(d.lists.train, d.ytrain, hyper, c.K), c.K);
    return { val: accuracyOf(val, c.y, d.valid), tr: accuracyOf(tr, c.y, d.train) };
  }
  const model = fitModel(kind, hyper, d.Xtrain, d.ytrain, c.K);
  return { val: accuracyOf(argmaxRows(predictProba(model, d.Xvalid), c.K), c.y, d.valid), tr: accuracyOf(argmaxRows(predictProba(model, d.Xtrain), c.K), c.y, d.train) };
}

/** The k folds' scores, in fold order, as one Score (mean and sd over the folds that have rows). */
function scoreOf(folds: (FoldScore | null)[]): Score {
  const val: number[] = [], tr: number[] = [];
  for (const s of folds) {
    if (!s) continue;
    val.push(s.val);
    tr.push(s.tr);
  }
  return { mean: mean(val), sd: sdOf(val), train: mean(tr) };
}

/** Cross-validated accuracy of one pipeline: preprocessing and model fitted on each fold's training rows. */
export function cvScore(c: Ctx, options: PrepOptions, kind: ModelKind, hyper: number): Score {
  return scoreOf(Array.from({ length: c.k }, (_, f) => foldScore(c, f, options, kind, hyper)));
}

/** Where a cross-validation score's pipeline lives: the features (with or without a leaked
 *  column) and the rows its preprocessing is fitted on (each fold's training rows, or all rows). */
export type CtxName = 'main' | 'clean' | 'honest' | 'leaky';
/** Scores one pipeline by cross-validation in a context. */
export type Cv = (ctx: CtxName, o: PrepOptions, m: ModelKind, h: number) => Score;
export const cvKey = (ctx: CtxName, o: PrepOptions, m: ModelKind, h: number) => `${ctx} ${o.impute} ${o.scale} ${o.encode} ${m} ${h}`;

/** What every stage shares: the labels, the split, the folds, the features. */
export function setupOf(input: WfInput, t: Table) {
  const { target, classes, K, y, labelled, train, test, k, fold } = splitOf(input, t);
  const F = features(t, target, y, input.leak, input.seed);
  const Fclean = input.leak ? features(t, target, y, false, input.seed) : F;
  const allRows = Int32Array.from([...train, ...test]);
  const prepAll = input.prepFit === 'all' ? allRows : null;
  // Contexts with the same features and preprocessing rows compute the same fold data: one memo.
  const rows: Memo['rows'] = new Map(), memos: { F: Features; prepAll: Int32Array | null; memo: Memo }[] = [];
  const ctx = (F: Features, prepAll: Int32Array | null): Ctx => {
    let m = memos.find((e) => e.F === F && e.prepAll === prepAll);
    if (!m) memos.push((m = { F, prepAll, memo: newMemo(rows) }));
    return { F, y, K, train, fold, k, prepAll, knnMax: knnMaxOf(input.model), memo: m.memo };
  };
  const ctxs: Record<CtxName, Ctx> = { main: ctx(F, prepAll), clean: ctx(Fclean, null), honest: ctx(F, null), leaky: ctx(F, allRows) };
  return { target, classes, K, y, labelled, train, test, k, fold, F, Fclean, allRows, prepAll, ctxs };
}
export type Setup = ReturnType<typeof setupOf>;

/** Every cross-validation score the project reads, in one place: the same calls in the same order
 *  whether the scores are computed here or read from the two workers' merged folds. */
export function cvStage(input: WfInput, cv: Cv) {
  const opts = prepOf(input);
  const kind = input.model;
  const dflt = HYPER[kind].fallback;
  // The best single split, unscaled (so the rule reads in mm and g), on the features without a leak.
  const ruleOpts: PrepOptions = { impute: opts.impute, scale: 'none', encode: 'onehot' };
  const ruleCv = cv('clean', ruleOpts, 'tree', 1).mean;
  // Each preprocessing decision, flipped one at a time, with the model carried forward at its default.
  const flipped = (key: 'impute' | 'scale' | 'encode'): PrepOptions =>
    key === 'impute'
      ? { ...opts, impute: opts.impute === 'median' ? 'mean' : 'median' }
      : key === 'scale'
        ? { ...opts, scale: opts.scale === 'standard' ? 'none' : 'standard' }
        : { ...opts, encode: opts.encode === 'onehot' ? 'ordinal' : 'onehot' };
  const current = cv('main', opts, kind, dflt);
  const prepChoices: PrepChoice[] = [];
  for (const key of ['impute', 'scale', 'encode'] as const) {
    const other = flipped(key);
    prepChoices.push({ key, option: opts[key], chosen: true, cv: current });
    prepChoices.push({ key, option: other[key], chosen: false, cv: cv('main', other, kind, dflt) });
  }
  const honestCv = input.prepFit === 'all' ? cv('honest', opts, kind, dflt) : current;
  const leakyCv = input.prepFit === 'all' ? current : cv('leaky', opts, kind, dflt);
  prepChoices.push({ key: 'prepFit', option: 'train', chosen: input.prepFit === 'train', cv: honestCv });
  prepChoices.push({ key: 'prepFit', option: 'all', chosen: input.prepFit === 'all', cv: leakyCv });
  const models = MODELS.map((m) => ({ kind: m, hyper: HYPER[m].fallback, cv: cv('main', opts, m, HYPER[m].fallback) }));
  // Tuning: the grid scored by cross-validation.
  const grid = [...HYPER[kind].grid];
  const gridCv = grid.map((h) => cv('main', opts, kind, h));
  return { opts, kind, ruleOpts, ruleCv, current, prepChoices, honestCv, leakyCv, models, grid, gridCv };
}

/** One part of the cross-validation (issue 8: two workers), computed as computeWorkflow
 *  computes it. Fold f of every score belongs to part f mod shards, so each part preprocesses
 *  (and searches neighbours in) only its own folds; the last k mod shards folds, which would
 *  make one part heavier, go to the parts in turn, score after score (see pairOwner). */
export interface FoldPart {
  shard: number;
  shards: number;
  k: number;
  /** Per score (cvKey), per fold this part computed: the fold's scores (null: an empty fold). */
  folds: Record<string, Record<number, FoldScore | null>>;
}
export interface FoldScore {
  val: number;
  tr: number;
}
/** The halves' folds joined: each score as computeWorkflow would compute it, for `input`. */
export interface FoldTable {
  input: WfInput;
  scores: Record<string, Score>;
}

export function foldPart(input: WfInput, t: Table, shard: number, shards: number): FoldPart {
  const S = setupOf(input, t);
  const folds: Record<string, Record<number, FoldScore | null>> = {};
  const none: Score = { mean: NaN, sd: NaN, train: NaN };
  const owner = pairOwner(S.k, shards);
  cvStage(input, (ctx, o, m, h) => {
    const key = cvKey(ctx, o, m, h);
    if (!folds[key]) {
      const mine: Record<number, FoldScore | null> = {};
      for (let f = 0; f < S.k; f++) if (owner(f) === shard) mine[f] = foldScore(S.ctxs[ctx], f, o, m, h);
      folds[key] = mine;
    }
    return none; // this half's scores are not read: the stage's calls do not depend on them
  });
  return { shard, shards, k: S.k, folds };
}

/** Which part computes fold f of the next score, asked for the folds in order, score after
 *  score: f mod shards for the first k − k mod shards folds (a part's folds are the same for
 *  every score: their design matrices are made once), the rest round-robin over the whole
 *  stage (each part's count of fits stays within one of the others'). */
export function pairOwner(k: number, shards: number): (f: number) => number {
  const whole = k - (k % shards);
  let turn = 0;
  return (f) => (f < whole ? f % shards : turn++ % shards);
}

/** Joins parts that cover every (score, fold) pair once (throws otherwise): the scores to the bit. */
export function mergeFoldParts(input: WfInput, parts: readonly FoldPart[]): FoldTable {
  const k = parts[0].k;
  if (parts.some((p) => p.k !== k)) throw new Error('the parts disagree on the number of folds');
  const scores: Record<string, Score> = {};
  for (const key of new Set(parts.flatMap((p) => Object.keys(p.folds)))) {
    const all: (FoldScore | null)[] = [];
    for (let f = 0; f < k; f++) {
      const owners = parts.filter((p) => p.folds[key] !== undefined && f in p.folds[key]);
      if (owners.length !== 1) throw new Error(`fold ${f} of ${key} is not covered once`);
      all.push(owners[0].folds[key][f]);
    }
    scores[key] = scoreOf(all);
  }
  return { input, scores };
}
