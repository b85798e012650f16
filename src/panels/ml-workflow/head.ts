/**
 * The head of the project for a setting (issue 8): everything the first two steps show (the look
 * at the data, the stratified split, how often the test set is read, the majority baseline
 * cross-validated), which needs no fit. It costs well under a millisecond, so the page computes it
 * itself the moment a slider moves, while the two workers score the ~300 fits of the later steps;
 * on steps 1 and 2 (and with no wrong move, whose warnings need the fits) the new numbers are on
 * screen without waiting for them. The same numbers as computeWorkflow's fields of those names
 * (head.test.ts), and the split and folds are the ones cv.ts's setupOf uses (it calls splitOf).
 * Pure: no DOM.
 */
import { stream } from '../../lib/random/rng';
import { foldRows, stratifiedFolds, stratifiedSplit } from '../../lib/learn/kfold';
import { categoriesOf } from '../../lib/learn/preprocessing';
import type { CatCol, Table } from './data';
import { lookAt, type Look } from './explore';
import { HYPER, type Step, type WfParams } from './params';

type Input = Omit<WfParams, 'step'>;

export const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / Math.max(1, v.length);

export const countClasses = (y: Int32Array, rows: ArrayLike<number>, K: number) => {
  const out = new Array<number>(K).fill(0);
  for (let i = 0; i < rows.length; i++) out[y[rows[i]]]++;
  return out;
};

/** The labels, the stratified split and the folds of the training part (every stage reads them). */
export function splitOf(input: Input, t: Table) {
  const target = input.target;
  const raw = t.cat[target];
  const classes = categoriesOf(raw.filter((v): v is string => v !== null));
  const K = classes.length;
  const y = Int32Array.from(raw, (v) => (v === null ? -1 : classes.indexOf(v)));
  const labelled = Int32Array.from(Array.from(y).flatMap((c, i) => (c >= 0 ? [i] : [])));
  const { train, test } = stratifiedSplit(y, labelled, input.test, stream(input.seed, 'split'));
  const k = Math.max(2, Math.min(input.folds, Math.min(...countClasses(y, train, K).filter((v) => v > 0))));
  const fold = stratifiedFolds(y, train, k, stream(input.seed, 'folds'));
  return { target, classes, K, y, labelled, train, test, k, fold };
}

export interface WfHead {
  input: Input;
  classes: string[];
  look: Look;
  nRows: number;
  nLabelled: number;
  train: { n: number; perClass: number[] };
  test: { n: number; perClass: number[] };
  /** How often test rows were scored before the evaluation step (0 when nothing peeked). */
  testReadsBefore: number;
  baseline: { majority: string; majorityCv: number };
}

/** The steps whose content and readout read only the head. */
const HEAD_STEPS: readonly Step[] = ['look', 'split'];

/** Whether what the page shows at `step` for `input` is all in the head: steps 1 and 2, and no
 *  wrong move (their warnings, shown at every step, quote scores of the fitted pipelines). */
export const headSuffices = (step: Step, input: Input): boolean =>
  HEAD_STEPS.includes(step) && input.tuning === 'cv' && !input.leak && input.prepFit === 'train';

function majorityOf(y: Int32Array, rows: ArrayLike<number>, K: number): number {
  const count = new Array<number>(K).fill(0);
  for (let i = 0; i < rows.length; i++) count[y[rows[i]]]++;
  return count.indexOf(Math.max(...count));
}

// The look depends only on the table and the target: kept, so a new head for the same target
// carries the same object and the memoised step-1 plots skip their re-render.
const looks = new WeakMap<Table, Map<CatCol, Look>>();
function lookOf(t: Table, target: CatCol, classes: string[]): Look {
  let m = looks.get(t);
  if (!m) looks.set(t, (m = new Map()));
  let l = m.get(target);
  if (!l) m.set(target, (l = lookAt(t, target, classes)));
  return l;
}

export function headOf(input: Input, t: Table): WfHead {
  const { target, classes, K, y, labelled, train, test, k, fold } = splitOf(input, t);
  const maj = majorityOf(y, train, K);
  const majFold: number[] = [];
  for (let f = 0; f < k; f++) {
    const { train: tr, valid } = foldRows(train, fold, f);
    const m = majorityOf(y, tr, K);
    majFold.push(valid.reduce((s, r) => s + (y[r] === m ? 1 : 0), 0) / Math.max(1, valid.length));
  }
  return {
    input,
    classes,
    look: lookOf(t, target, classes),
    nRows: t.n,
    nLabelled: labelled.length,
    train: { n: train.length, perClass: countClasses(y, train, K) },
    test: { n: test.length, perClass: countClasses(y, test, K) },
    testReadsBefore: input.tuning === 'test' ? HYPER[input.model].grid.length : 0,
    baseline: { majority: classes[maj], majorityCv: mean(majFold) },
  };
}
