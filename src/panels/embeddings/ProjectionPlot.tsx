/**
 * The word vectors projected on their first two principal components, one labelled point per
 * word, moving as training proceeds. The chosen word is ringed and its neighbours joined to
 * it; the analogy is drawn as two arrows: b → a, and the same offset from c to where a − b + c
 * falls (PCA is linear, so the offset carries over exactly).
 */
import { useId } from 'react';
import { Frame } from '../../lib/plot/Frame';
import { Legend } from '../../lib/plot/Legend';
import { usePlotScales } from '../../lib/plot/context';
import { ACCENT, FG } from '../../lib/plot/colors';
import type { Analysis } from './analysis';
import { CONTEXT_COLOR, FAMILY_COLOR, FAMILY_LABEL, wordColor } from './look';
import { FAMILY, type Family } from './corpus';

/** Pasted text can have hundreds of words: only the most frequent and the ones asked about are labelled. */
const MAX_LABELS = 60;

interface MarksProps {
  vocab: readonly string[];
  an: Analysis;
  builtin: boolean;
  /**
   * The words glide to their new places (a CSS transition): only for a later step of the same
   * run. A new run (another dimension, window, seed…) starts from other vectors, so its picture
   * is a new one and is drawn at once; its glide was 120 ms of style and paint work on the page
   * in every frame, which the next key press's frame had to share (issue 8).
   */
  glide: boolean;
}

function Marks({ vocab, an, builtin, glide }: MarksProps) {
  const { x, y } = usePlotScales();
  const arrow = useId().replace(/:/g, '');
  const [ia, ib, ic] = an.analogy.idx;
  const asked = new Set([an.word, ia, ib, ic, ...an.neighbours.map((s) => s.index), ...an.analogy.candidates.map((s) => s.index)]);
  const drawn = new Set(an.shown);
  const px = (i: number) => x(an.xy[i][0]);
  const py = (i: number) => y(an.xy[i][1]);
  const pt = an.analogy.point;
  return (
    <g>
      <defs>
        <marker id={arrow} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" style={{ fill: ACCENT }} />
        </marker>
      </defs>
      {drawn.has(an.word) &&
        an.neighbours.filter((s) => drawn.has(s.index)).map((s) => (
          <line key={`n${s.index}`} x1={px(an.word)} y1={py(an.word)} x2={px(s.index)} y2={py(s.index)} style={{ stroke: FG, strokeOpacity: 0.35, strokeWidth: 1 }} />
        ))}
      {pt && (
        <g data-testid="analogy-arrows">
          <line x1={px(ib)} y1={py(ib)} x2={px(ia)} y2={py(ia)} markerEnd={`url(#${arrow})`} style={{ stroke: ACCENT, strokeWidth: 1.5, strokeDasharray: '5 3' }} />
          <line x1={px(ic)} y1={py(ic)} x2={x(pt[0])} y2={y(pt[1])} markerEnd={`url(#${arrow})`} style={{ stroke: ACCENT, strokeWidth: 1.5, strokeDasharray: '5 3' }} />
          <text x={x(pt[0]) + 6} y={y(pt[1]) - 6} style={{ fill: ACCENT, fontSize: 12, fontWeight: 600 }}>
            a − b + c
          </text>
        </g>
      )}
      {an.shown.map((i) => {
        const w = vocab[i];
        const color = wordColor(w, builtin);
        const target = color !== CONTEXT_COLOR;
        // The built-in corpus labels its target words (context words only when asked about).
        const label = asked.has(i) || (builtin ? target : i < MAX_LABELS);
        return (
          <g key={w} className={glide ? 'emb-word emb-glide' : 'emb-word'} style={{ transform: `translate(${px(i)}px, ${py(i)}px)` }}>
            {i === an.word && <circle r={8} style={{ fill: 'none', stroke: ACCENT, strokeWidth: 2 }} />}
            <circle r={target ? 4 : 2.5} style={{ fill: color, stroke: 'var(--plot-bg)', strokeWidth: 0.75 }} />
            {label && (
              <text x={6} y={4} style={{ fill: target ? color : 'var(--muted)', fontSize: target ? 12 : 10, fontWeight: target || asked.has(i) ? 600 : 400 }}>
                {w}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}

/** A square domain around the points (and the analogy's point), with room for labels. */
function domains(an: Analysis): { x: [number, number]; y: [number, number] } {
  const xy = an.shown.map((i) => an.xy[i]);
  const pts = an.analogy.point ? [...xy, an.analogy.point] : xy;
  const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
  // Labels sit to the right of and above their points: room on those sides.
  const pad = (lo: number, hi: number, more: number): [number, number] => {
    const span = Math.max(hi - lo, 1e-6);
    return [lo - 0.06 * span, hi + more * span];
  };
  return { x: pad(Math.min(...xs), Math.max(...xs), 0.24), y: pad(Math.min(...ys), Math.max(...ys), 0.1) };
}

export function ProjectionPlot({ vocab, an, builtin, glide, step }: MarksProps & { step: number }) {
  const d = domains(an);
  const pct = (v: number | undefined) => `${Math.round(100 * (v ?? 0))} %`;
  return (
    <Frame
      title={`${an.shown.length === vocab.length ? 'Word vectors' : 'The analogy’s words'} at step ${step}, projected by PCA`}
      xLabel={`PC 1 (${pct(an.explained[0])} of variance)`}
      yLabel={`PC 2 (${pct(an.explained[1])})`}
      xDomain={d.x}
      yDomain={d.y}
      aspect={1.35}
      ariaLabel={`Scatter of ${an.shown.length} words on the first two principal components of their vectors at step ${step}`}
      legend={
        builtin ? (
          <Legend
            items={[
              ...(Object.keys(FAMILY_COLOR) as Family[])
                .filter((f) => an.shown.some((i) => FAMILY[vocab[i]] === f))
                .map((f) => ({ color: FAMILY_COLOR[f], label: FAMILY_LABEL[f], kind: 'point' as const })),
              { color: CONTEXT_COLOR, label: 'context words', kind: 'point' },
              { color: ACCENT, label: 'analogy a − b + c', kind: 'dashed' },
            ]}
          />
        ) : undefined
      }
      note="Only two of the d directions are shown: words close here may be far apart in the rest, so trust the cosines in the tables."
    >
      <Marks vocab={vocab} an={an} builtin={builtin} glide={glide} />
    </Frame>
  );
}
