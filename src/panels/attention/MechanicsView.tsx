/**
 * Mechanics mode: one attention layer with seeded random weights over the learner's sentence.
 * Heat maps of the scores, the softmax weights and the output, the chosen query's weights as
 * arcs, and the mean row entropy against d_k with and without scaling.
 */
import { useMemo, type ReactNode } from 'react';
import { ParamControl } from '../../lib/controls/ParamControl';
import { Slider } from '../../lib/controls/Slider';
import { SeedButton } from '../../lib/controls/SeedButton';
import { Readout, type ReadoutRow } from '../../lib/controls/Readout';
import { fmt } from '../../lib/format/format';
import { useComputed } from '../../lib/panel/useComputed';
import { useAfterPaint, useDrawn } from '../../lib/panel/useAfterPaint';
import { changedSettings } from '../../lib/params/describe';
import { PanelLayout } from '../../lib/panel/PanelLayout';
import { MatrixPlot } from '../../lib/plot/MatrixPlot';
import { interpolateViridis } from 'd3';
import { computeMechanics, OUTPUT_COLS_SHOWN, strongestKey, type MechanicsInput, type MechanicsResult } from './model';
import type { AttentionParams } from './params';
import { useSentence } from './useSentence';
import { SentenceField } from './SentenceField';
import { ArcView } from './ArcView';
import { EntropyPlot } from './EntropyPlot';
import { fmtWeight, SCALED, UNSCALED } from './look';
import { store } from './store';

/** Scores and outputs to one decimal in the cells. */
const f1 = (v: number) => v.toFixed(1).replace('-', '−').replace(/^−0\.0$/, '0.0');
/** Square-root colour scale: the many small weights of a long row stay visible. */
const weightColor = (t: number) => interpolateViridis(Math.sqrt(Math.max(0, t)));

function readoutRows(r: MechanicsResult): ReadoutRow[] {
  if (r.n === 0) return [{ label: 'Tokens', value: '0', testId: 'ro-tokens' }];
  const q = r.query, k = strongestKey(r.weights, q);
  const scaledLabel = r.scale ? 'scaled' : 'unscaled';
  const rows: ReadoutRow[] = [
    { label: 'Tokens', value: r.total > r.n ? `${r.n} (of ${r.total})` : String(r.n), testId: 'ro-tokens' },
    { label: 'Query token', value: `“${r.labels[q]}” (${q + 1})`, testId: 'ro-query' },
    { label: 'It attends most to', value: `“${r.labels[k]}” (${k + 1}) · ${fmt(r.weights[q][k], 3)}`, testId: 'ro-top' },
    { label: 'Entropy of its row (nats)', value: `${fmt(r.entropies[q], 3)} of max ${fmt(Math.log(r.causal ? q + 1 : r.n), 3)}`, testId: 'ro-row-entropy' },
    { label: `Mean row entropy, head ${r.head + 1}, ${scaledLabel}`, value: fmt(r.meanEntropy, 3), testId: 'ro-entropy', color: r.scale ? SCALED : UNSCALED },
    { label: `Same head, ${r.scale ? 'unscaled' : 'scaled'}`, value: fmt(r.meanEntropyOther, 3), testId: 'ro-entropy-other', color: r.scale ? UNSCALED : SCALED },
    { label: `Mean row entropy, all ${r.heads} head${r.heads > 1 ? 's' : ''}`, value: fmt(r.meanEntropyAllHeads, 3), testId: 'ro-entropy-heads' },
    { label: 'Spread (std) of the scores', value: fmt(r.scoreStd, 3), testId: 'ro-score-std' },
    { label: 'Largest |row sum − 1|', value: fmt(r.rowSumErr, 2), testId: 'ro-rowsum' },
  ];
  if (r.causal) rows.push({ label: 'Largest masked weight', value: fmt(r.maskedMax, 2), testId: 'ro-masked' });
  return rows;
}

function Maps({ r, onPick }: { r: MechanicsResult; onPick(q: number): void }) {
  const shownCols = Math.min(r.dk, OUTPUT_COLS_SHOWN);
  const dims = useMemo(() => Array.from({ length: shownCols }, (_, c) => String(c + 1)), [shownCols]);
  // Masked weights are exactly 0; they are drawn empty so the triangle reads as "not allowed".
  const weights = useMemo(() => r.weights.map((row, i) => row.map((w, j) => (r.causal && j > i ? Number.NaN : w))), [r]);
  const output = useMemo(() => r.output.map((row) => row.slice(0, shownCols)), [r, shownCols]);
  const hl = { row: r.query };
  const scoreName = r.scale ? 'QKᵀ/√d_k' : 'QKᵀ (unscaled)';
  return (
    <div className="plot-grid">
      <MatrixPlot
        title={`Weights: softmax of each row (head ${r.head + 1})`}
        values={weights}
        rowLabels={r.labels}
        colLabels={r.labels}
        yLabel="query"
        xLabel="key"
        domain={[0, 1]}
        interpolate={weightColor}
        format={fmtWeight}
        highlight={hl}
        note={`${r.causal ? 'Empty cells are masked: a token may not look ahead. ' : ''}Each row sums to 1; colour ∝ √weight, so small weights stay visible.`}
      />
      <ArcView labels={r.labels} weights={r.weights} query={r.query} causal={r.causal} onPick={onPick} />
      <MatrixPlot
        title={`Scores ${scoreName}`}
        values={r.scores}
        rowLabels={r.labels}
        colLabels={r.labels}
        yLabel="query"
        xLabel="key"
        scheme="rdbu"
        format={f1}
        highlight={hl}
        note="Red is negative, blue positive. The softmax turns each row into the weights."
      />
      <MatrixPlot
        title="Output = weights · V"
        values={output}
        rowLabels={r.labels}
        colLabels={dims}
        yLabel="token"
        xLabel={r.dk > shownCols ? `dimension (first ${shownCols} of ${r.dk})` : 'dimension'}
        scheme="rdbu"
        format={f1}
        showValues={shownCols <= 8}
        highlight={hl}
        note="Each output row is a weighted average of the value rows, so it stays within their range."
      />
      <div className="plot-wide">
        <EntropyPlot r={r} />
      </div>
    </div>
  );
}

const run = (input: MechanicsInput) => computeMechanics(input);

const FLOAT64_BADGE = <span className="badge">float64 JS</span>;

export function MechanicsView({ params, modeSwitch }: { params: AttentionParams; modeSwitch: ReactNode }) {
  // `params` are the live ones (the controls); the slider's frame shows only the setting, the
  // computation and the maps follow after it is painted (issue 8).
  const asked = useAfterPaint(params);
  const sentence = useSentence(params);
  const askedText = useSentence(asked).text;
  const input = useMemo<MechanicsInput>(
    () => ({ text: askedText, dk: asked.dk, heads: asked.heads, head: asked.head, query: asked.query, causal: asked.causal, scale: asked.scale, positions: asked.positions, seed: asked.seed }),
    [askedText, asked.dk, asked.heads, asked.head, asked.query, asked.causal, asked.scale, asked.positions, asked.seed],
  );
  const { result: r, error, pending } = useComputed(input, run);
  const drawn = useDrawn(asked, !pending);
  const set = store.getState();
  const heads = `${drawn.heads} head${drawn.heads > 1 ? 's' : ''}`;
  // The query slider follows the live setting (clamped like the model does), not the drawn result.
  const q = r ? Math.min(r.n, Math.max(1, Math.round(params.query))) : 1;
  const maps = useMemo(() => r && r.n > 0 && <Maps r={r} onPick={(q) => store.getState().set('query', q + 1)} />, [r]);

  return (
    <PanelLayout
      summary={
        <>
          {modeSwitch}
          <span>One attention layer with seeded random weights over your sentence: {heads}, d_k = {drawn.dk}{drawn.causal ? ', causal mask' : ''}.</span>
        </>
      }
      badge={FLOAT64_BADGE}
      error={error}
      notes={r?.message ? [r.message] : []}
      notesKind={r?.n === 0 ? 'warn' : 'info'}
      readout={
        r && (
          <Readout busy={pending || asked !== params} computing={changedSettings(store.schema, drawn, params, ['text'])} title={`Readout, head ${r.head + 1}, d_k = ${r.dk}`} rows={readoutRows(r)} />
        )
      }
      controls={
        <>
          <ParamControl store={store} name="dk" />
          <Slider label={store.schema.heads.label} help={store.schema.heads.help} value={params.heads} min={1} max={store.schema.heads.max} step={1}
            display={String(params.heads)} testId="ctl-heads" onChange={(v) => set.setMany({ heads: Math.round(v), head: Math.min(params.head, Math.round(v)) })} />
          {params.heads > 1 && (
            <Slider label={store.schema.head.label} value={Math.min(params.head, params.heads)} min={1} max={params.heads} step={1}
              display={`${Math.min(params.head, params.heads)} of ${params.heads}`} testId="ctl-head" onChange={(v) => set.set('head', Math.round(v))} />
          )}
          {r && r.n > 1 && (
            <Slider label={store.schema.query.label} help={store.schema.query.help} value={q} min={1} max={r.n} step={1}
              display={`${q}: ${r.labels[q - 1]}`} testId="ctl-query" onChange={(v) => set.set('query', Math.round(v))} />
          )}
          <ParamControl store={store} name="scale" />
          <ParamControl store={store} name="causal" />
          <ParamControl store={store} name="positions" />
          <SeedButton seed={params.seed} max={store.schema.seed.max} onChange={(s) => set.set('seed', s)} />
        </>
      }
    >
      <SentenceField sentence={sentence} tokens={r?.n ?? 0} total={r?.total ?? 0} />
      {maps}
    </PanelLayout>
  );
}
