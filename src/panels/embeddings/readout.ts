/** The readout's rows and the panel's note on a run, from the worker's view and the page's analysis. */
import type { ReadoutRow } from '../../lib/controls/Readout';
import { fmt } from '../../lib/format/format';
import type { Analysis } from './analysis';
import { cosine } from './model';
import { MAX_STEPS, type EmbeddingsParams } from './params';
import type { RunView } from './config';
import { fmtCos } from './look';

/** Mean cosine over all pairs of distinct words (0 for one-hot vectors, near 1 when everything collapses). */
export function meanCosine(vectors: readonly ArrayLike<number>[]): number {
  let s = 0, n = 0;
  for (let i = 0; i < vectors.length; i++)
    for (let j = i + 1; j < vectors.length; j++) {
      s += cosine(vectors[i], vectors[j]);
      n++;
    }
  return n ? s / n : 0;
}

export function readoutRows(v: RunView | null, an: Analysis | null, p: EmbeddingsParams, step: number, error: string | null): ReadoutRow[] {
  const stepRow: ReadoutRow = { label: 'Training step', value: v ? `${v.step} of ${MAX_STEPS}` : error ? 'failed' : `${step} of ${MAX_STEPS}`, testId: 'ro-step' };
  const model: ReadoutRow = { label: 'Model', value: `d = ${p.dim}, window ${p.window}, K = ${p.negatives}, Adam ${fmt(p.lr, 3)}`, testId: 'ro-model' };
  if (!v || !an) return [stepRow, { label: 'Loss on the sample pairs', value: '—', testId: 'ro-loss' }, model];
  const w = (i: number) => (i >= 0 ? v.vocab[i] : '—');
  const nn = an.neighbours[0];
  const top = an.analogy.candidates[0];
  const [ia, ib, ic] = an.analogy.idx;
  const exp = an.analogy.expected;
  const rows: ReadoutRow[] = [
    stepRow,
    { label: 'Loss on the sample pairs', value: fmt(v.loss, 3), testId: 'ro-loss' },
    { label: 'Corpus', value: `${v.vocab.length} words, ${v.tokens} tokens, ${v.pairs} pairs`, testId: 'ro-corpus' },
    {
      label: `Nearest to “${w(an.word)}”`,
      value: nn ? `${w(nn.index)} (cosine ${fmtCos(nn.cos)}; one-hot 0)` : '—',
      testId: 'ro-nearest',
    },
    { label: 'Mean cosine of two distinct words', value: `${fmtCos(meanCosine(an.vectors))} (one-hot: 0)`, testId: 'ro-mean-cos' },
    {
      label: `${w(ia)} − ${w(ib)} + ${w(ic)}`,
      value: top ? `${w(top.index)} (cosine ${fmtCos(top.cos)})` : '—',
      testId: 'ro-analogy',
    },
  ];
  if (exp) rows.push({ label: `Rank of “${exp.word}”`, value: `${exp.rank} (cosine ${fmtCos(exp.cos)})`, testId: 'ro-expected' });
  rows.push({ label: 'Variance shown by the 2-D picture', value: `${fmt(100 * ((an.explained[0] ?? 0) + (an.explained[1] ?? 0)), 3)} %`, testId: 'ro-pca' });
  rows.push(model);
  return rows;
}

/** A word on runs that are not learning what they should (never at step 0); null if fine. */
export function trainingNote(v: RunView, p: EmbeddingsParams): string | null {
  if (v.step < 50) return null;
  if (p.negatives === 0)
    return 'With no negatives nothing pushes words apart: the loss falls toward 0 just by making the scores of real pairs large, so a low loss here says little about the vectors.';
  if (p.dim <= 2) return `With d = ${p.dim} every word must fit in a plane: words from different groups are forced to share directions.`;
  return null;
}
