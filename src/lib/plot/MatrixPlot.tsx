/* A labelled matrix of coloured cells: confusion matrices, attention weights, distance matrices.
   Standalone (not a Frame child): rows and columns are categories, not a continuous axis.
   Row 0 is drawn at the top, as a matrix is written. */
import { format as d3format } from 'd3';
import { useMemo, type KeyboardEvent, type ReactNode } from 'react';
import { INTERPOLATORS, type SchemeName } from './colors';
import { textColorOn } from './colorMath';
import { makeNormalizer } from './heatRaster';
import { matrixLayout } from './matrixLayout';
import { AXIS_LABEL_STYLE, FIGURE_STYLE, TICK_LABEL_STYLE, TITLE_STYLE } from './theme';
import { useSize } from './useSize';
import { FigureMenu } from '../export/FigureMenu';

export interface MatrixCell {
  row: number;
  col: number;
}

export interface MatrixPlotProps {
  title: string;
  /** values[row][col]. NaN cells are drawn empty (e.g. a masked position). */
  values: ReadonlyArray<ArrayLike<number>>;
  rowLabels?: readonly string[];
  colLabels?: readonly string[];
  /** Axis names, e.g. "Predicted" (columns) and "Actual" (rows); "Key" and "Query". */
  xLabel?: string;
  yLabel?: string;
  scheme?: SchemeName;
  interpolate?: (t: number) => string;
  /** Values at the ends of the colour scale; default the finite extent (symmetric for rdbu). */
  domain?: readonly [number, number];
  /** Print values in the cells; 'auto' (default) when cells are large enough. */
  showValues?: boolean | 'auto';
  format?: (v: number) => string;
  colLabelsOnTop?: boolean;
  maxCell?: number;
  /** Outline a row and/or column (e.g. the hovered query token). */
  highlight?: Partial<MatrixCell>;
  /** Makes cells focusable buttons (Enter / Space click). */
  onCellClick?: (cell: MatrixCell) => void;
  /** Pointer or keyboard focus on a cell; null when it leaves the matrix. */
  onCellHover?: (cell: MatrixCell | null) => void;
  ariaLabel?: string;
  legend?: ReactNode;
  note?: ReactNode;
}

const fmtDefault = d3format('.2~f');

export function MatrixPlot(props: MatrixPlotProps) {
  const {
    title, values, rowLabels = [], colLabels = [], xLabel, yLabel, scheme = 'viridis', interpolate,
    showValues = 'auto', format = fmtDefault, colLabelsOnTop = false, highlight, onCellClick, onCellHover,
  } = props;
  const { ref: sizeRef, width: measuredWidth } = useSize<HTMLDivElement>();
  const rows = values.length;
  const cols = Math.max(0, ...values.map((r) => r.length));

  const L = matrixLayout({
    width: measuredWidth, rows, cols, rowLabels, colLabels,
    hasXLabel: !!xLabel, hasYLabel: !!yLabel, colLabelsOnTop, maxCell: props.maxCell,
  });

  const interp = interpolate ?? INTERPOLATORS[scheme];
  const [d0, d1] = useMemo(() => {
    if (props.domain) return props.domain;
    let lo = Infinity;
    let hi = -Infinity;
    for (const r of values) {
      for (let c = 0; c < r.length; c++) {
        if (Number.isFinite(r[c])) {
          lo = Math.min(lo, r[c]);
          hi = Math.max(hi, r[c]);
        }
      }
    }
    if (lo > hi) return [0, 1] as const;
    if (scheme === 'rdbu' && !interpolate) {
      const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
      return [-m, m] as const;
    }
    return [lo, hi] as const;
  }, [props.domain, values, scheme, interpolate]);
  const norm = makeNormalizer([d0, d1]);

  const printValues = showValues === 'auto' ? L.valueFont > 0 && rows * cols <= 400 : showValues && L.valueFont > 0;
  const { cell, left, top } = L;
  const label = props.ariaLabel ?? `${title}: ${rows} by ${cols} matrix${yLabel ? `, rows ${yLabel}` : ''}${xLabel ? `, columns ${xLabel}` : ''}`;
  const keyHandler = (rc: MatrixCell) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onCellClick?.(rc);
    }
  };

  const cells = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < values[r].length; c++) {
      const v = values[r][c];
      const finite = Number.isFinite(v);
      const fill = finite ? interp(norm(v)) : 'var(--grid)';
      const rc = { row: r, col: c };
      const name = `${rowLabels[r] ?? `row ${r + 1}`}, ${colLabels[c] ?? `column ${c + 1}`}: ${finite ? format(v) : 'none'}`;
      cells.push(
        <g
          key={`${r}:${c}`}
          transform={`translate(${left + c * cell},${top + r * cell})`}
          onClick={onCellClick ? () => onCellClick(rc) : undefined}
          onKeyDown={onCellClick ? keyHandler(rc) : undefined}
          onPointerEnter={onCellHover ? () => onCellHover(rc) : undefined}
          onFocus={onCellHover ? () => onCellHover(rc) : undefined}
          tabIndex={onCellClick ? 0 : undefined}
          role={onCellClick ? 'button' : undefined}
          aria-label={onCellClick ? name : undefined}
          style={onCellClick ? { cursor: 'pointer' } : undefined}
        >
          {/* A hairline gap in the page colour separates equal neighbours. */}
          <rect width={cell} height={cell} style={{ fill, stroke: 'var(--plot-bg)', strokeWidth: 1 }} />
          {printValues && finite && (
            <text
              x={cell / 2}
              y={cell / 2}
              dy="0.32em"
              textAnchor="middle"
              style={{ ...TICK_LABEL_STYLE, fontSize: L.valueFont, fill: textColorOn(fill) }}
            >
              {format(v)}
            </text>
          )}
        </g>,
      );
    }
  }

  const hl = highlight ?? {};
  const colY = colLabelsOnTop ? top - 6 : top + rows * cell + 6;
  return (
    <figure style={{ ...FIGURE_STYLE, position: 'relative' }}>
      <figcaption style={{ ...TITLE_STYLE, paddingRight: '3.5em' }}>{title}</figcaption>
      <FigureMenu plotTitle={title} />
      {props.legend}
      <div ref={sizeRef} style={{ width: '100%', minWidth: 0 }}>
        <svg
          viewBox={`0 0 ${L.width} ${L.height}`}
          role={onCellClick ? 'group' : 'img'}
          aria-label={label}
          style={{ display: 'block', width: L.width, maxWidth: '100%', height: 'auto' }}
          onPointerLeave={onCellHover ? () => onCellHover(null) : undefined}
        >
          {cells}
          {hl.row !== undefined && hl.row >= 0 && hl.row < rows && (
            <rect x={left} y={top + hl.row * cell} width={cols * cell} height={cell} style={{ fill: 'none', stroke: 'var(--fg)', strokeWidth: 2 }} />
          )}
          {hl.col !== undefined && hl.col >= 0 && hl.col < cols && (
            <rect x={left + hl.col * cell} y={top} width={cell} height={rows * cell} style={{ fill: 'none', stroke: 'var(--fg)', strokeWidth: 2 }} />
          )}
          <g aria-hidden="true">
            {rowLabels.slice(0, rows).map((s, r) => (
              <text key={r} x={left - 6} y={top + (r + 0.5) * cell} dy="0.32em" textAnchor="end" style={TICK_LABEL_STYLE}>
                {s}
              </text>
            ))}
            {colLabels.slice(0, cols).map((s, c) => {
              const cx = left + (c + 0.5) * cell;
              if (!L.rotateCols) {
                return (
                  <text key={c} x={cx} y={colY} dy={colLabelsOnTop ? undefined : '0.71em'} textAnchor="middle" style={TICK_LABEL_STYLE}>
                    {s}
                  </text>
                );
              }
              // Rotated −45°: hanging down-left below the matrix, rising up-right above it.
              return (
                <text
                  key={c}
                  transform={`translate(${cx},${colY}) rotate(-45)`}
                  dy={colLabelsOnTop ? undefined : '0.71em'}
                  textAnchor={colLabelsOnTop ? 'start' : 'end'}
                  style={TICK_LABEL_STYLE}
                >
                  {s}
                </text>
              );
            })}
            {yLabel && (
              <text transform="rotate(-90)" x={-(top + (rows * cell) / 2)} y={12} textAnchor="middle" style={AXIS_LABEL_STYLE}>
                {yLabel}
              </text>
            )}
            {xLabel && (
              <text
                x={left + (cols * cell) / 2}
                y={colLabelsOnTop ? 14 : L.height - 6}
                textAnchor="middle"
                style={AXIS_LABEL_STYLE}
              >
                {xLabel}
              </text>
            )}
          </g>
        </svg>
      </div>
      {props.note && (
        <p style={{ margin: 'var(--s1) 0 0', fontSize: 'var(--fs-xs)', color: 'var(--muted)' }}>{props.note}</p>
      )}
    </figure>
  );
}
