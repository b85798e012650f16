/**
 * The keyboard's way to move a centre: one focusable handle per centre, laid over the plot at
 * the centre's place (Tab reaches them in order), whose arrow keys move that centre a small
 * step (Shift: ten times as far; nudge.ts). Each press restarts the run from the centres as
 * placed, exactly like a drag. The handles carry `data-own-keys`, so the page-wide player keys
 * (← → Space Home) leave them alone while one has focus.
 *
 * They live in the plot's HTML layer (the one canvas marks portal into), not in its SVG: the
 * SVG is one image to assistive technology, and an image cannot hold controls. That layer lets
 * pointer events through, so dragging with the mouse is unchanged.
 */
import { useId, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { usePlotScales } from '../../lib/plot/context';
import { coord, isArrow } from './nudge';

/** Side of a handle in px: a comfortable focus target around the 8 px marker. */
const SIZE = 28;

export interface CentreHandlesProps {
  centres: Float64Array;
  /** An arrow key was pressed on centre j's handle. */
  onMove(j: number, key: string, shift: boolean): void;
  /** The focused centre (null when none has focus), so the plot can mark it. */
  onFocus(j: number | null): void;
}

export function CentreHandles({ centres, onMove, onFocus }: CentreHandlesProps) {
  const { x, y, innerWidth: iw, innerHeight: ih, canvasLayer } = usePlotScales();
  const hintId = useId();
  if (!canvasLayer || iw <= 0 || ih <= 0) return null;
  const k = centres.length / 2;
  const onKey = (j: number) => (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || !isArrow(e.key)) return;
    e.preventDefault(); // no page scroll
    onMove(j, e.key, e.shiftKey);
  };
  return createPortal(
    <div className="km-handles" role="group" aria-label="Centres (arrow keys move the focused one)" data-own-keys>
      <p id={hintId} className="km-hint">
        Arrow keys move this centre a small step, with Shift ten times as far; the run then restarts from the centres as placed.
      </p>
      {Array.from({ length: k }, (_, j) => {
        const px = x(centres[2 * j]), py = y(centres[2 * j + 1]);
        if (!Number.isFinite(px) || !Number.isFinite(py)) return null;
        return (
          <button
            key={j}
            type="button"
            className="km-handle"
            style={{ left: `${(100 * px) / iw}%`, top: `${(100 * py) / ih}%`, width: SIZE, height: SIZE, margin: -SIZE / 2 }}
            aria-label={`Centre ${j + 1} at x₁ = ${coord(centres[2 * j])}, x₂ = ${coord(centres[2 * j + 1])}`}
            aria-describedby={hintId}
            aria-keyshortcuts="ArrowLeft ArrowRight ArrowUp ArrowDown Shift+ArrowLeft Shift+ArrowRight Shift+ArrowUp Shift+ArrowDown"
            data-testid={`centre-${j + 1}`}
            onKeyDown={onKey(j)}
            onFocus={() => onFocus(j)}
            onBlur={() => onFocus(null)}
          />
        );
      })}
    </div>,
    canvasLayer,
  );
}
