/**
 * The sentences the view says about a result: the decision taken at each step with its effect on
 * the validation score, and the wrong moves' warnings with what they really do. Pure.
 */
import type { WfHead } from './head';
import type { WfResult } from './model';
import { MODEL_LABELS, type Step } from './params';
import { hyperText, pct, share } from './look';

/** Steps 1 and 2 read only the head (head.ts): the page says them before the fits are in. */
export function headDecision(r: WfHead, step: 'look' | 'split'): string {
  const i = r.input;
  if (step === 'split')
    return `Decision: lock away ${share(i.test)} of the labelled birds (${r.test.n}), stratified by ${i.target}. Test set read so far: ${r.testReadsBefore === 0 ? 'never' : `${r.testReadsBefore} times`}.`;
  const missing = r.look.missing.filter((m) => m.count > 0).map((m) => `${m.column} (${m.count})`).join(', ');
  return `${r.nRows} birds, ${r.nLabelled} with a known ${i.target}. Missing: ${missing || 'nothing'}. Decision: predict ${i.target}; fill the gaps in step 4, inside the pipeline.`;
}

export function decisionText(r: WfResult, step: Step): string {
  const i = r.input, f = r.final;
  const model = MODEL_LABELS[i.model].toLowerCase();
  switch (step) {
    case 'look':
    case 'split':
      return headDecision(r, step);
    case 'baseline':
      return `Always “${r.baseline.majority}”: ${pct(r.baseline.majorityCv)}. One split (${r.baseline.rule}): ${pct(r.baseline.ruleCv)}. Anything later must beat these.`;
    case 'prep':
      return `Decision: ${i.impute} imputation, ${i.scale === 'standard' ? 'standardised' : 'unscaled'} measurements, ${i.encode === 'onehot' ? 'one-hot' : 'ordinal'} categories → ${model} at its default scores ${pct(r.journey[2].acc)} on the validation folds.`;
    case 'models': {
      const best = [...r.models].sort((a, b) => b.cv.mean - a.cv.mean)[0];
      return `Best at defaults: ${MODEL_LABELS[best.kind]} (${pct(best.cv.mean)}). Decision: carry ${model} forward (${pct(r.journey[2].acc)}).`;
    }
    case 'tune':
      return `Decision: ${r.tune.name} = ${hyperText(f.hyper)}, picked by ${r.tune.by === 'cv' ? 'cross-validation' : 'the test score (wrong)'} → ${pct(f.cv.mean)} on the validation folds (default: ${pct(r.journey[2].acc)}).`;
    case 'evaluate':
      return `The one look at the test set: ${pct(f.testAcc)} (validation said ${pct(f.cv.mean)}; the majority baseline scores ${pct(r.baseline.majorityTest)} here). Used once, it is no longer a test set for the next idea.`;
    case 'handoff':
      return `Hand-off: the fitted pipeline (fill values, scaler, categories, ${model} with ${r.tune.name} = ${hyperText(f.hyper)}) as JSON, and a model card with its scores and limits.`;
  }
}

export function wrongMoveNotes(r: WfResult): string[] {
  const out: string[] = [];
  if (r.optimism)
    out.push(
      `Wrong move, tuning on the test set: the score it reports (${pct(r.optimism.reported)}) is the best of ${r.optimism.tries} tries on the same test birds. Cross-validation, which never saw them, scores that pick ${pct(r.optimism.fresh)}.`,
    );
  if (r.final.deployedAcc !== null)
    out.push(
      `Wrong move, a leaked target: the field tag is written after the bird is identified. Validation ${pct(r.final.cv.mean)} and test ${pct(r.final.testAcc)} are too good to be true: a new bird has no tag yet, and then the model scores ${pct(r.final.deployedAcc)} (${pct(r.final.noLeakAcc)} for the same model without the column).`,
    );
  if (r.input.prepFit === 'all')
    out.push(
      `Wrong move, preprocessing fitted before the split: the imputer and scaler saw the test birds. Test accuracy ${pct(r.prepLeak.leakyTest)} against ${pct(r.prepLeak.honestTest)} when fitted on the training rows only: means and spreads leak little, steps that learn more from the data (feature selection, target encoding) leak far more.`,
    );
  return out;
}
