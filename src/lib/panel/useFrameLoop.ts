/**
 * The one animation loop: while `active`, calls `tick(now, dt)` on every animation frame (dt in
 * ms since the previous frame, capped at 100 so a background tab does not come back with a
 * burst). The loop stops when `tick` returns false, when `active` turns false and on unmount, so
 * nothing keeps ticking after a panel is left. `tick` may change every render; the latest runs.
 */
import { useEffect, useRef } from 'react';

export function useFrameLoop(active: boolean, tick: (now: number, dt: number) => boolean | void): void {
  const latest = useRef(tick);
  latest.current = tick;
  useEffect(() => {
    if (!active) return;
    let raf = 0;
    let last = performance.now();
    const frame = (now: number) => {
      const dt = Math.min(100, Math.max(0, now - last));
      last = now;
      if (latest.current(now, dt) === false) {
        raf = 0;
        return;
      }
      raf = requestAnimationFrame(frame);
    };
    raf = requestAnimationFrame(frame);
    return () => {
      if (raf) cancelAnimationFrame(raf);
    };
  }, [active]);
}
