/* One splitter drawn as a grid on canvas: columns are samples in time order, rows are splits,
   each cell train / test / unused; three header strips show every sample's class, group and
   time. The title is a button that makes this the scheme scored below. */
import { useEffect, useRef } from 'react';
import { resolveColor, sequential } from '../../lib/plot/colors';
import { useSize } from '../../lib/plot/useSize';
import { useThemeKey } from '../../lib/plot/useThemeKey';
import type { CvData } from './data';
import { describeSplits, type SchemeSplits } from './model';
import { CLASS0_MARK, CLASS1_MARK, groupColor, TEST, TRAIN, UNUSED } from './look';
import { SCHEME_LABELS } from './params';
import { sameSplits, sameStrips } from './sameGrid';
import { FigureMenu } from '../../lib/export/FigureMenu';
import { gridHeader } from './gridHeader';
import { bitmapHeight, layout, STRIP_GAP_PX, STRIP_H_PX, type Layout } from './gridLayout';

const LABEL_W = 40;
const STRIP_H = STRIP_H_PX;
const STRIP_GAP = STRIP_GAP_PX;

/** The three strips (class, group, time) and their labels: the top of every grid, the same in all six. */
function drawStrips(ctx: CanvasRenderingContext2D, width: number, data: CvData): void {
  const n = data.n;
  const cw = (width - LABEL_W) / n;
  const inset = cw >= 5 ? 0.5 : 0;
  const col = (i: number) => LABEL_W + i * cw + inset;
  const w = Math.max(0.5, cw - 2 * inset);
  const muted = resolveColor('var(--muted)');
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'right';
  let style = '';
  const fill = (c: string) => {
    if (c !== style) ctx.fillStyle = style = c;
  };
  // Each colour is resolved once per draw, not once per cell (a CSS variable's lookup reads the theme).
  const classColor = [resolveColor(CLASS0_MARK), resolveColor(CLASS1_MARK)];
  const groupColors = new Map<number, string>();
  const groupOf = (g: number) => {
    let c = groupColors.get(g);
    if (c === undefined) groupColors.set(g, (c = resolveColor(groupColor(g))));
    return c;
  };
  const strips: [string, (i: number) => string][] = [
    ['class', (i) => classColor[data.y[i] === 1 ? 1 : 0]],
    ['group', (i) => groupOf(data.group[i])],
    ['time', (i) => sequential(data.time[i], 'cividis')],
  ];
  strips.forEach(([label, color], r) => {
    const y = r * (STRIP_H + STRIP_GAP);
    fill(muted);
    ctx.fillText(label, LABEL_W - 5, y + STRIP_H / 2);
    for (let i = 0; i < n; i++) {
      fill(color(i));
      ctx.fillRect(col(i), y, w, STRIP_H);
    }
  });
}

function draw(canvas: HTMLCanvasElement, width: number, data: CvData, s: SchemeSplits, L: Layout, theme: unknown): void {
  const dpr = typeof window !== 'undefined' ? window.devicePixelRatio || 1 : 1;
  // Assigning a canvas's size reallocates and clears it even when the size is the same: only on a
  // change (and the height only when the rows outgrow the reserve, gridLayout.ts's MIN_BITMAP_H).
  const H = bitmapHeight(L);
  const cw0 = Math.round(width * dpr), ch0 = Math.round(H * dpr);
  if (canvas.width !== cw0) canvas.width = cw0;
  if (canvas.height !== ch0) canvas.height = ch0;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, H);
  // The strips come as pixels drawn once for all six grids (gridHeader.ts); the rows are drawn below them.
  const head = gridHeader(cw0, dpr, theme, data, (c) => drawStrips(c, width, data));
  if (head) {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(head, 0, 0);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  } else drawStrips(ctx, width, data);
  const n = data.n;
  const cw = (width - LABEL_W) / n;
  const inset = cw >= 5 ? 0.5 : 0;
  const col = (i: number) => LABEL_W + i * cw + inset;
  const w = Math.max(0.5, cw - 2 * inset);
  const muted = resolveColor('var(--muted)');
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'right';
  // A colour string is parsed on every assignment: assign only when it changes. Every cell is still
  // its own fillRect, in the same order: one path of many rectangles measured slower to raster
  // (the page's commit grew by more than the script saved).
  let style = '';
  const fill = (c: string) => {
    if (c !== style) ctx.fillStyle = style = c;
  };

  if (!s.splits) return;
  const train = resolveColor(TRAIN), test = resolveColor(TEST), unused = resolveColor(UNUSED);
  const role = new Uint8Array(n);
  const rows = s.splits.length;
  const labelEvery = L.rowH >= 9 ? 1 : 0;
  s.splits.forEach((sp, r) => {
    role.fill(0);
    for (const i of sp.train) role[i] = 1;
    for (const i of sp.test) role[i] = 2;
    const y = L.top + r * (L.rowH + L.rowGap);
    for (let i = 0; i < n; i++) {
      fill(role[i] === 2 ? test : role[i] === 1 ? train : unused);
      ctx.fillRect(col(i), y, w, L.rowH);
    }
    if (labelEvery || r === 0 || r === rows - 1) {
      fill(muted);
      ctx.fillText(String(r + 1), LABEL_W - 5, y + (labelEvery ? L.rowH / 2 : r === 0 ? 4 : L.rowH - 4));
    }
  });
}

export function SplitGrid({ s, data, selected, onSelect }: { s: SchemeSplits; data: CvData; selected: boolean; onSelect(): void }) {
  const { ref: sizeRef, width } = useSize<HTMLDivElement>(300);
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const theme = useThemeKey();
  const L = layout(s.splits?.length ?? 0);

  // What the canvas shows now: a new result with the same samples and splits (another k, say) is not redrawn.
  const drawn = useRef<{ width: number; theme: unknown; data: CvData; splits: SchemeSplits['splits'] } | null>(null);
  useEffect(() => {
    const last = drawn.current;
    if (!canvasRef.current) return;
    if (last && last.width === width && last.theme === theme && sameStrips(last.data, data) && sameSplits(last.splits, s.splits)) return;
    draw(canvasRef.current, width, data, s, L, theme);
    drawn.current = { width, theme, data, splits: s.splits };
  }, [width, data, s, L.height, L.rowH, theme]); // eslint-disable-line react-hooks/exhaustive-deps

  const label = SCHEME_LABELS[s.scheme];
  return (
    <figure
      data-testid={`grid-${s.scheme}`}
      style={{
        margin: 0,
        padding: 'var(--s2)',
        border: `1px solid ${selected ? 'var(--accent)' : 'var(--border)'}`,
        boxShadow: selected ? '0 0 0 1px var(--accent)' : undefined,
        borderRadius: 'var(--radius)',
        minWidth: 0,
        position: 'relative',
      }}
    >
      <figcaption style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: 'var(--s1) var(--s2)', marginBottom: 'var(--s1)', paddingRight: '3.5em' }}>
        <button type="button" aria-pressed={selected} onClick={onSelect} data-testid={`pick-${s.scheme}`}
          style={{ fontWeight: 600, fontSize: 'var(--fs-sm)', padding: '2px var(--s2)', minHeight: 32 }}>
          {label}
        </button>
        <span style={{ fontSize: 'var(--fs-xs)', color: s.splits ? 'var(--muted)' : 'var(--error-fg)' }}>{describeSplits(s)}</span>
      </figcaption>
      <FigureMenu plotTitle={`${label} splits`} />
      {/* Measured apart from the canvas (zero height): only the width matters, and a box whose
          height follows the rows would re-render the grid once more after each new number of rows. */}
      <div ref={sizeRef} style={{ width: '100%', minWidth: 0 }} />
      {/* Shows the rows' height of a bitmap kept at least MIN_BITMAP_H tall (gridLayout.ts), one bitmap pixel per device pixel as before. */}
      <div style={{ width: '100%', minWidth: 0, height: L.height, overflow: 'hidden' }}>
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={`${label}: ${describeSplits(s)}; rows are splits, columns the ${data.n} samples in time order`}
          style={{ display: 'block', width: '100%', height: bitmapHeight(L) }}
        />
      </div>
    </figure>
  );
}
