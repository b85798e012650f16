/**
 * Step 8, the hand-off: the fitted pipeline as a JSON file (everything needed to predict: the
 * imputer's fill values, the scaler, the category codes, the model's numbers) and a short model
 * card in Markdown. `predictFromExport` reads the JSON back and predicts, so a test can check
 * that the file reproduces the panel's predictions. Pure: no DOM.
 */
import { SOURCE } from './data';
import type { WfResult } from './model';
import { MODEL_LABELS } from './params';
import { applyPrep, argmaxRows, HYPER, predictProba, type Features, type FittedModel, type Pipeline } from './pipeline';

export const EXPORT_FORMAT = 'ml-intuition/ml-workflow-model@1';

const arr = (v: ArrayLike<number>) => Array.from(v, (x) => (Number.isFinite(x) ? x : null));

/** The pipeline as plain JSON values (typed arrays as lists; Infinity, a depth without limit, as null). */
function modelJson(m: FittedModel): Record<string, unknown> {
  const base = { kind: m.kind, hyperparameter: Number.isFinite(m.hyper) ? m.hyper : null, classes: m.K };
  if (m.kind === 'logistic') return { ...base, coef: m.coef.map(arr), intercept: m.intercept };
  if (m.kind === 'knn') return { ...base, X: { n: m.X.n, d: m.X.d, data: arr(m.X.data) }, y: arr(m.y) };
  const t = m.tree;
  return {
    ...base,
    tree: { nodeCount: t.nodeCount, nFeatures: t.nFeatures, feature: arr(t.feature), threshold: arr(t.threshold), left: arr(t.left), right: arr(t.right), value: arr(t.value) },
  };
}

export function exportModel(r: WfResult): string {
  const p = r.pipeline;
  return JSON.stringify(
    {
      format: EXPORT_FORMAT,
      dataset: SOURCE,
      target: r.input.target,
      classes: r.classes,
      seed: r.input.seed,
      inputs: { numeric: r.look.histograms.map((h) => h.column).concat(r.input.leak ? ['field tag'] : []), categorical: r.look.categories.map((c) => c.column) },
      preprocessing: { ...p.prep.options, fill: p.prep.fill, scaler: p.prep.affine, categories: p.prep.cats, columns: p.prep.names },
      model: modelJson(p.model),
      scores: { cvAccuracy: r.final.cv.mean, testAccuracy: r.final.testAcc, baselineTestAccuracy: r.baseline.majorityTest },
    },
    null,
    1,
  );
}

interface ExportedTree {
  nodeCount: number;
  nFeatures: number;
  feature: number[];
  threshold: (number | null)[];
  left: number[];
  right: number[];
  value: number[];
}

interface Exported {
  classes: string[];
  preprocessing: Pipeline['prep']['options'] & { fill: number[]; scaler: Pipeline['prep']['affine']; categories: Pipeline['prep']['cats']; columns: string[] };
  model: { kind: FittedModel['kind']; hyperparameter: number | null; classes: number; coef?: number[][]; intercept?: number[]; X?: { n: number; d: number; data: number[] }; y?: number[]; tree?: ExportedTree };
}

const f64 = (v: (number | null)[]) => Float64Array.from(v, (x) => (x === null ? NaN : x));
const i32 = (v: number[]) => Int32Array.from(v);

/** A pipeline rebuilt from the exported JSON. Throws on a file that is not one of ours. */
export function readExport(json: string): Pipeline {
  const e = JSON.parse(json) as Exported & { format?: string };
  if (e.format !== EXPORT_FORMAT) throw new Error('not an ml-workflow model file');
  const pr = e.preprocessing;
  const prep = { options: { impute: pr.impute, scale: pr.scale, encode: pr.encode }, fill: pr.fill, affine: pr.scaler, cats: pr.categories, names: pr.columns };
  const m = e.model, K = m.classes;
  const hyper = m.hyperparameter ?? Infinity;
  let model: FittedModel;
  if (m.kind === 'logistic') model = { kind: 'logistic', hyper, K, coef: (m.coef ?? []).map((c) => Float64Array.from(c)), intercept: m.intercept ?? [] };
  else if (m.kind === 'knn') model = { kind: 'knn', hyper, K, X: { n: m.X!.n, d: m.X!.d, data: f64(m.X!.data) }, y: i32(m.y ?? []) };
  else {
    const t = m.tree!;
    const nodeCount = t.nodeCount;
    model = {
      kind: 'tree',
      hyper,
      K,
      tree: {
        nodeCount,
        nClasses: K,
        nFeatures: t.nFeatures,
        feature: i32(t.feature),
        threshold: f64(t.threshold),
        left: i32(t.left),
        right: i32(t.right),
        value: Float64Array.from(t.value),
        depth: new Int32Array(nodeCount),
        impurity: new Float64Array(nodeCount),
        nSamples: new Int32Array(nodeCount),
        weightedN: new Float64Array(nodeCount),
      },
    };
  }
  return { prep, model };
}

/** Predicted class names for `rows` of the feature columns, from an exported file. */
export function predictFromExport(json: string, F: Features, rows: ArrayLike<number>): string[] {
  const pipe = readExport(json);
  const classes = (JSON.parse(json) as Exported).classes;
  const K = pipe.model.K;
  return Array.from(argmaxRows(predictProba(pipe.model, applyPrep(pipe.prep, F, rows)), K), (c) => classes[c]);
}

const pct = (v: number) => `${(100 * v).toFixed(1)} %`;

export function modelCard(r: WfResult): string {
  const f = r.final, i = r.input;
  const warnings = [
    i.tuning === 'test' && `- The hyperparameter was chosen on the test set: the test accuracy above is optimistic (the same choice scores ${pct(r.optimism?.fresh ?? 0)} by cross-validation).`,
    i.leak && `- The "field tag" column is derived from the label: it does not exist for a new bird. Without it the model scores ${pct(f.deployedAcc ?? 0)} on the test rows.`,
    i.prepFit === 'all' && '- The imputer and scaler were fitted on all rows, test rows included.',
  ].filter(Boolean);
  return [
    `# Model card: penguin ${i.target} classifier`,
    '',
    `**Model.** ${MODEL_LABELS[f.kind]}, ${HYPER[f.kind].name} = ${Number.isFinite(f.hyper) ? f.hyper : 'no limit'}, chosen by ${i.tuning === 'cv' ? `${r.input.folds}-fold stratified cross-validation on the training part` : 'the test set (wrong move)'}.`,
    '',
    `**Data.** ${SOURCE}. ${r.nLabelled} birds with a known ${i.target}; ${r.train.n} for training, ${r.test.n} held out (stratified, seed ${i.seed}).`,
    '',
    `**Inputs.** ${r.featureNames.join(', ')}. Missing numbers filled with the training ${i.impute}, a missing category with the most frequent; ${i.scale === 'standard' ? 'measurements standardised' : 'no scaling'}; categories ${i.encode === 'onehot' ? 'one-hot encoded' : 'as ordinal codes'}.`,
    '',
    '## Performance (accuracy)',
    '',
    '| | cross-validation | test |',
    '|---|---|---|',
    `| majority class (${r.baseline.majority}) | ${pct(r.baseline.majorityCv)} | ${pct(r.baseline.majorityTest)} |`,
    `| this model | ${pct(f.cv.mean)} ± ${pct(f.cv.sd)} | ${pct(f.testAcc)} |`,
    '',
    ...r.classes.map((c, k) => `- ${c}: recall ${f.perClass[k].recall === null ? '—' : pct(f.perClass[k].recall!)}, precision ${f.perClass[k].precision === null ? '—' : pct(f.perClass[k].precision!)} (${f.perClass[k].support} test birds)`),
    '',
    '## Intended use and limits',
    '',
    '- Teaching: three species from three islands of the Palmer Archipelago, 2007–2009. Not tested on other colonies or years.',
    `- ${r.test.n} test birds: one more or one fewer mistake moves the test accuracy by ${pct(1 / Math.max(1, r.test.n))}.`,
    ...(warnings as string[]),
    '',
  ].join('\n');
}
