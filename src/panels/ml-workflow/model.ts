/**
 * The guided project, computed once for a setting (the step shown does not change it): the look
 * at the data, the stratified split, the baselines, the preprocessing choices and the models
 * scored by stratified k-fold cross-validation on the training part only, the tuning curve, the
 * final fit scored once on the held-out test set with its error analysis, and the wrong moves
 * (tuning on the test set, a leaked target column, preprocessing fitted before the split) with
 * what they really do. Pure: the worker and the tests call computeWorkflow with the table.
 */
import { stream } from '../../lib/random/rng';
import { foldRows, stratifiedFolds, stratifiedSplit } from '../../lib/learn/kfold';
import { categoriesOf } from '../../lib/learn/preprocessing';
import { CATEGORICAL, COLUMN_LABELS, NUMERIC, type CatCol, type Table } from './data';
import { lookAt, type Look } from './explore';
import { MODELS, type ModelKind, type WfParams } from './params';
import { accuracyOf, argmaxRows, fitPipeline, HYPER, pipelineProba, type Features, type Pipeline, type PrepOptions } from './pipeline';

export type WfInput = Omit<WfParams, 'step'>;

export interface Score {
  /** Mean accuracy over the k validation folds, their standard deviation, and the mean training accuracy. */
  mean: number;
  sd: number;
  train: number;
}

export interface PrepChoice {
  /** Which decision ('impute' …) and the option tried; `chosen` marks the current setting. */
  key: 'impute' | 'scale' | 'encode' | 'prepFit';
  option: string;
  chosen: boolean;
  cv: Score;
}

export interface Worst {
  row: number;
  truth: string;
  predicted: string;
  pTrue: number;
  features: Record<string, string>;
}

export interface WfResult {
  input: WfInput;
  classes: string[];
  look: Look;
  nRows: number;
  nLabelled: number;
  train: { n: number; perClass: number[] };
  test: { n: number; perClass: number[] };
  /** How often test rows were scored before the evaluation step (0 when nothing peeked). */
  testReadsBefore: number;
  baseline: { majority: string; majorityCv: number; ruleCv: number; rule: string; majorityTest: number; ruleTest: number };
  prepChoices: PrepChoice[];
  models: { kind: ModelKind; hyper: number; cv: Score }[];
  tune: { kind: ModelKind; name: string; grid: number[]; cv: Score[]; testAcc: number[] | null; picked: number; by: 'cv' | 'test' };
  final: {
    kind: ModelKind;
    hyper: number;
    cv: Score;
    testAcc: number;
    confusion: number[][];
    perClass: { precision: number | null; recall: number | null; f1: number | null; support: number }[];
    worst: Worst[];
    /** With the leaked column: the accuracy on the test rows once the column is unknown (as for a new bird),
     *  and the same model fitted without the column. */
    deployedAcc: number | null;
    noLeakAcc: number | null;
  };
  /** Tuning on the test set: the score it reports (the best of the tries) against the same pick's cross-validated score. */
  optimism: { tries: number; reported: number; fresh: number } | null;
  /** Preprocessing fitted on all rows: its test accuracy against the honest pipeline's. */
  prepLeak: { honestTest: number; leakyTest: number; honestCv: number; leakyCv: number };
  journey: { label: string; acc: number }[];
  pipeline: Pipeline;
  featureNames: string[];
}

/** Everything the computation depends on: all params but the step shown. */
export function inputOf(p: WfParams): WfInput {
  const { target, test, folds, impute, scale, encode, model, tuning, leak, prepFit, seed } = p;
  return { target, test, folds, impute, scale, encode, model, tuning, leak, prepFit, seed };
}

const prepOf = (p: WfInput): PrepOptions => ({ impute: p.impute, scale: p.scale, encode: p.encode });

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

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / Math.max(1, v.length);
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
}

/** Cross-validated accuracy of one pipeline: preprocessing and model fitted on each fold's training rows. */
function cvScore(c: Ctx, options: PrepOptions, kind: ModelKind, hyper: number): Score {
  const val: number[] = [], tr: number[] = [];
  for (let f = 0; f < c.k; f++) {
    const { train, valid } = foldRows(c.train, c.fold, f);
    if (valid.length === 0 || train.length === 0) continue;
    const pipe = fitPipeline(c.F, c.y, c.K, c.prepAll ?? train, train, options, kind, hyper);
    val.push(accuracyOf(argmaxRows(pipelineProba(pipe, c.F, valid), c.K), c.y, valid));
    tr.push(accuracyOf(argmaxRows(pipelineProba(pipe, c.F, train), c.K), c.y, train));
  }
  return { mean: mean(val), sd: sdOf(val), train: mean(tr) };
}

function majorityOf(y: Int32Array, rows: ArrayLike<number>, K: number): number {
  const count = new Array<number>(K).fill(0);
  for (let i = 0; i < rows.length; i++) count[y[rows[i]]]++;
  return count.indexOf(Math.max(...count));
}

const countClasses = (y: Int32Array, rows: ArrayLike<number>, K: number) => {
  const out = new Array<number>(K).fill(0);
  for (let i = 0; i < rows.length; i++) out[y[rows[i]]]++;
  return out;
};

/** The one-split rule (a depth-1 tree on the imputed, unscaled columns) in words. */
function ruleText(pipe: Pipeline, classes: string[]): string {
  if (pipe.model.kind !== 'tree') return '';
  const t = pipe.model.tree;
  const leafClass = (node: number) => {
    let best = 0;
    for (let c = 1; c < t.nClasses; c++) if (t.value[node * t.nClasses + c] > t.value[node * t.nClasses + best]) best = c;
    return classes[best];
  };
  if (t.feature[0] < 0) return `always ${leafClass(0)}`;
  const name = pipe.prep.names[t.feature[0]];
  const thr = t.threshold[0];
  const cond = name.includes('=') ? `${name.replace('=', ' is ')}` : `${name} > ${Math.round(thr * 100) / 100}`;
  // A one-hot column is 0/1: "> 0.5" means "is that category".
  return `if ${cond}: ${leafClass(t.right[0])}, otherwise ${leafClass(t.left[0])}`;
}

function show(v: number | string | null): string {
  if (v === null || (typeof v === 'number' && Number.isNaN(v))) return '—';
  return String(v);
}

export function computeWorkflow(input: WfInput, t: Table): WfResult {
  const target = input.target;
  const raw = t.cat[target];
  const classes = categoriesOf(raw.filter((v): v is string => v !== null));
  const K = classes.length;
  const y = Int32Array.from(raw, (v) => (v === null ? -1 : classes.indexOf(v)));
  const labelled = Int32Array.from(Array.from(y).flatMap((c, i) => (c >= 0 ? [i] : [])));
  const { train, test } = stratifiedSplit(y, labelled, input.test, stream(input.seed, 'split'));
  const k = Math.max(2, Math.min(input.folds, Math.min(...countClasses(y, train, K).filter((v) => v > 0))));
  const fold = stratifiedFolds(y, train, k, stream(input.seed, 'folds'));
  const F = features(t, target, y, input.leak, input.seed);
  const Fclean = input.leak ? features(t, target, y, false, input.seed) : F;
  const allRows = Int32Array.from([...train, ...test]);
  const prepAll = input.prepFit === 'all' ? allRows : null;
  const c: Ctx = { F, y, K, train, fold, k, prepAll };
  const opts = prepOf(input);
  const kind = input.model;
  const dflt = HYPER[kind].fallback;
  // The same pipeline is scored more than once (the default hyperparameter is also on the grid,
  // the chosen options among the flips): each distinct score is computed once.
  const scores = new Map<string, Score>();
  const cvOf = (o: PrepOptions, m: ModelKind, h: number): Score => {
    const key = `${o.impute} ${o.scale} ${o.encode} ${m} ${h}`;
    let sc = scores.get(key);
    if (!sc) scores.set(key, (sc = cvScore(c, o, m, h)));
    return sc;
  };

  // Baselines: the majority class, and the best single split (unscaled, so the rule reads in mm and g).
  const maj = majorityOf(y, train, K);
  const majFold: number[] = [];
  for (let f = 0; f < k; f++) {
    const { train: tr, valid } = foldRows(train, fold, f);
    const m = majorityOf(y, tr, K);
    majFold.push(valid.reduce((s, r) => s + (y[r] === m ? 1 : 0), 0) / Math.max(1, valid.length));
  }
  const ruleOpts: PrepOptions = { impute: opts.impute, scale: 'none', encode: 'onehot' };
  const cClean: Ctx = { ...c, F: Fclean, prepAll: null };
  const ruleCv = cvScore(cClean, ruleOpts, 'tree', 1).mean;
  const rulePipe = fitPipeline(Fclean, y, K, train, train, ruleOpts, 'tree', 1);

  // Each preprocessing decision, flipped one at a time, with the model carried forward at its default.
  const flipped = (key: 'impute' | 'scale' | 'encode'): PrepOptions =>
    key === 'impute'
      ? { ...opts, impute: opts.impute === 'median' ? 'mean' : 'median' }
      : key === 'scale'
        ? { ...opts, scale: opts.scale === 'standard' ? 'none' : 'standard' }
        : { ...opts, encode: opts.encode === 'onehot' ? 'ordinal' : 'onehot' };
  const current = cvOf(opts, kind, dflt);
  const prepChoices: PrepChoice[] = [];
  for (const key of ['impute', 'scale', 'encode'] as const) {
    const other = flipped(key);
    prepChoices.push({ key, option: opts[key], chosen: true, cv: current });
    prepChoices.push({ key, option: other[key], chosen: false, cv: cvOf(other, kind, dflt) });
  }
  const honestCtx: Ctx = { ...c, prepAll: null }, leakyCtx: Ctx = { ...c, prepAll: allRows };
  const honestCv = input.prepFit === 'all' ? cvScore(honestCtx, opts, kind, dflt) : current;
  const leakyCv = input.prepFit === 'all' ? current : cvScore(leakyCtx, opts, kind, dflt);
  prepChoices.push({ key: 'prepFit', option: 'train', chosen: input.prepFit === 'train', cv: honestCv });
  prepChoices.push({ key: 'prepFit', option: 'all', chosen: input.prepFit === 'all', cv: leakyCv });

  const models = MODELS.map((m) => ({ kind: m, hyper: HYPER[m].fallback, cv: cvOf(opts, m, HYPER[m].fallback) }));

  // Tuning: the grid scored by cross-validation; the wrong move scores it on the test set and keeps the best there.
  const grid = [...HYPER[kind].grid];
  const gridCv = grid.map((h) => cvOf(opts, kind, h));
  const prepRows = prepAll ?? train;
  // The pipeline fitted on every training row, once per hyperparameter (the final one is among
  // the test-set tries, and it is the honest or the leaky pipeline, whichever prepFit names).
  const fits = new Map<number, Pipeline>();
  const finalFit = (h: number): Pipeline => {
    let pipe = fits.get(h);
    if (!pipe) fits.set(h, (pipe = fitPipeline(F, y, K, prepRows, train, opts, kind, h)));
    return pipe;
  };
  const testAccOf = (h: number) => accuracyOf(argmaxRows(pipelineProba(finalFit(h), F, test), K), y, test);
  const firstMax = (v: number[]) => v.indexOf(Math.max(...v));
  const testGrid = input.tuning === 'test' ? grid.map((h) => testAccOf(h)) : null;
  const picked = testGrid ? firstMax(testGrid) : firstMax(gridCv.map((s) => s.mean));
  const hyper = grid[picked];

  // The final pipeline: fitted on every training row, scored once on the test set.
  const pipeline = finalFit(hyper);
  const proba = pipelineProba(pipeline, F, test);
  const pred = argmaxRows(proba, K);
  const testAcc = accuracyOf(pred, y, test);
  const confusion = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  test.forEach((r, i) => confusion[y[r]][pred[i]]++);
  const perClass = classes.map((_, cl) => {
    const tp = confusion[cl][cl];
    const predicted = confusion.reduce((s, row) => s + row[cl], 0), support = confusion[cl].reduce((a, b) => a + b, 0);
    const precision = predicted ? tp / predicted : null, recall = support ? tp / support : null;
    const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : null;
    return { precision, recall, f1, support };
  });
  const order = Array.from(test, (r, i) => ({ r, i, p: proba[i * K + y[r]] })).sort((a, b) => a.p - b.p || a.r - b.r);
  const worst: Worst[] = order.slice(0, 5).map(({ r, i, p }) => {
    const feats: Record<string, string> = {};
    for (const col of NUMERIC) feats[COLUMN_LABELS[col]] = show(t.num[col][r]);
    for (const col of CATEGORICAL) if (col !== target) feats[col] = show(t.cat[col][r]);
    return { row: r, truth: classes[y[r]], predicted: classes[pred[i]], pTrue: p, features: feats };
  });
  let deployedAcc: number | null = null, noLeakAcc: number | null = null;
  if (input.leak) {
    // A new bird has no tag yet: the column is missing and the imputer fills it.
    const Fdeployed: Features = { ...F, num: F.num.map((col, j) => (F.numNames[j] === 'field tag' ? col.map(() => NaN) : col)) };
    deployedAcc = accuracyOf(argmaxRows(pipelineProba(pipeline, Fdeployed, test), K), y, test);
    const honest = fitPipeline(Fclean, y, K, prepRows, train, opts, kind, hyper);
    noLeakAcc = accuracyOf(argmaxRows(pipelineProba(honest, Fclean, test), K), y, test);
  }

  const honestPipe = prepAll ? fitPipeline(F, y, K, train, train, opts, kind, hyper) : pipeline;
  const leakyPipe = prepAll ? pipeline : fitPipeline(F, y, K, allRows, train, opts, kind, hyper);
  const accOn = (pipe: Pipeline) => accuracyOf(argmaxRows(pipelineProba(pipe, F, test), K), y, test);
  const majTest = test.reduce((s, r) => s + (y[r] === maj ? 1 : 0), 0) / Math.max(1, test.length);
  const ruleTest = accuracyOf(argmaxRows(pipelineProba(rulePipe, Fclean, test), K), y, test);

  return {
    input,
    classes,
    look: lookAt(t, target, classes),
    nRows: t.n,
    nLabelled: labelled.length,
    train: { n: train.length, perClass: countClasses(y, train, K) },
    test: { n: test.length, perClass: countClasses(y, test, K) },
    testReadsBefore: testGrid ? grid.length : 0,
    baseline: { majority: classes[maj], majorityCv: mean(majFold), ruleCv, rule: ruleText(rulePipe, classes), majorityTest: majTest, ruleTest },
    prepChoices,
    models,
    tune: { kind, name: HYPER[kind].name, grid, cv: gridCv, testAcc: testGrid, picked, by: input.tuning },
    final: { kind, hyper, cv: gridCv[picked], testAcc, confusion, perClass, worst, deployedAcc, noLeakAcc },
    optimism: testGrid ? { tries: grid.length, reported: testGrid[picked], fresh: gridCv[picked].mean } : null,
    prepLeak: { honestTest: accOn(honestPipe), leakyTest: accOn(leakyPipe), honestCv: honestCv.mean, leakyCv: leakyCv.mean },
    journey: [
      { label: 'majority class', acc: mean(majFold) },
      { label: 'one-split rule', acc: ruleCv },
      { label: `${kind}, default`, acc: current.mean },
      { label: `${kind}, tuned`, acc: gridCv[picked].mean },
    ],
    pipeline,
    featureNames: pipeline.prep.names,
  };
}
