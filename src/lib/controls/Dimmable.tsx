/**
 * Results on screen while a newer one is computed: dimmed, but only once the wait has lasted
 * DIM_AFTER_MS, so a result that comes within a few frames (most do) never flickers.
 *
 * The delay is a timer here, not a CSS transition-delay. A delayed transition is created on every
 * press and cancelled when the result comes, yet Chromium's animation timeline still wakes about
 * 90–120 ms after the press and asks for a frame with nothing to draw. That frame keeps the
 * compositor on the vsync clock for a few more ticks, and a key press arriving then waits for the
 * next tick: up to 16.7 ms more input→paint (issue 8; traced on deployment's sliders, see
 * bench/results/stop36/README.md). A timer cleared when the result comes asks for nothing.
 */
import { useEffect, useState, type HTMLAttributes, type ReactNode } from 'react';

export const DIM_AFTER_MS = 120;

/** True once `pending` has stayed true for `after` ms; false as soon as it is false again. */
export function useDimmed(pending: boolean, after = DIM_AFTER_MS): boolean {
  const [dim, setDim] = useState(false);
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setDim(true), after);
    return () => {
      clearTimeout(timer);
      setDim(false);
    };
  }, [pending, after]);
  return pending && dim;
}

type Props = Omit<HTMLAttributes<HTMLDivElement>, 'className'> & {
  pending: boolean;
  className?: string;
  /** The class that dims (each has its opacity and fade in CSS); default the shared one. */
  dimClass?: string;
  children?: ReactNode;
};

/**
 * A div whose content dims while `pending` (after DIM_AFTER_MS). Dimming re-renders only this
 * div: its children are the same elements, so the plots inside are not drawn again.
 */
export function Dimmable({ pending, className, dimClass = 'is-stale', children, ...rest }: Props) {
  const dim = useDimmed(pending);
  const cls = [className, dim ? dimClass : null].filter(Boolean).join(' ');
  return (
    <div className={cls || undefined} {...rest}>
      {children}
    </div>
  );
}
