/**
 * The guided project, computed once for a setting (the step shown does not change it): the look
 * at the data, the stratified split, the baselines, the preprocessing choices and the models
 * scored by stratified k-fold cross-validation on the training part only, the tuning curve, the
 * final fit scored once on the held-out test set with its error analysis, and the wrong moves
 * (tuning on the test set, a leaked target column, preprocessing fitted before the split) with
 * what they really do. Pure: the worker and the tests call computeWorkflow with the table.
 * The cross-validation stage, and its halves for two workers, are in cv.ts.
 */
import { foldRows } from '../../lib/learn/kfold';
import { CATEGORICAL, COLUMN_LABELS, NUMERIC, type Table } from './data';
import { lookAt } from './explore';
import type { WfHead } from './head';
import { type ModelKind, type WfParams } from './params';
import { accuracyOf, argmaxRows, fitPipeline, HYPER, pipelineProba, type Features, type Pipeline } from './pipeline';
import { countClasses, cvKey, cvScore, cvStage, mean, setupOf, type Cv, type FoldTable, type Setup } from './cv';

export { foldPart, mergeFoldParts, type FoldPart, type FoldScore, type FoldTable } from './cv';

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

/** The whole project: the head's fields (head.ts, what steps 1–2 show), then the fitted rest. */
export interface WfResult extends Omit<WfHead, 'input' | 'baseline'> {
  input: WfInput;
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

function majorityOf(y: Int32Array, rows: ArrayLike<number>, K: number): number {
  const count = new Array<number>(K).fill(0);
  for (let i = 0; i < rows.length; i++) count[y[rows[i]]]++;
  return count.indexOf(Math.max(...count));
}

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

/** The whole project for a setting; `table` (the two workers' merged folds) supplies the
 *  cross-validation scores, which are otherwise computed here (each distinct one once). */
export function computeWorkflow(input: WfInput, t: Table, table?: FoldTable): WfResult {
  const S: Setup = setupOf(input, t);
  const { target, classes, K, y, labelled, train, test, k, fold, F, Fclean, allRows, prepAll } = S;
  const scores = new Map<string, Score>();
  const cv: Cv = (ctx, o, m, h) => {
    const key = cvKey(ctx, o, m, h);
    if (table) {
      const sc = table.scores[key];
      if (!sc) throw new Error(`no cross-validation score for ${key}`);
      return sc;
    }
    let sc = scores.get(key);
    if (!sc) scores.set(key, (sc = cvScore(S.ctxs[ctx], o, m, h)));
    return sc;
  };
  const { opts, kind, ruleOpts, ruleCv, current, prepChoices, honestCv, leakyCv, models, grid, gridCv } = cvStage(input, cv);

  // Baselines: the majority class, and the best single split (cvStage scored it).
  const maj = majorityOf(y, train, K);
  const majFold: number[] = [];
  for (let f = 0; f < k; f++) {
    const { train: tr, valid } = foldRows(train, fold, f);
    const m = majorityOf(y, tr, K);
    majFold.push(valid.reduce((s, r) => s + (y[r] === m ? 1 : 0), 0) / Math.max(1, valid.length));
  }
  const rulePipe = fitPipeline(Fclean, y, K, train, train, ruleOpts, 'tree', 1);

  // The wrong move scores the grid on the test set and keeps the best there.
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
