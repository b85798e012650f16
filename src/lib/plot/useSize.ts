/* Width of a container, kept current with ResizeObserver, so plots follow their column. */
import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_WIDTH } from './theme';

export interface Size<T extends HTMLElement> {
  /** Callback ref: attach to the element to measure. */
  ref: (el: T | null) => void;
  /** Content-box width in whole px; `defaultWidth` until measured. */
  width: number;
  /** Content-box height in whole px; 0 until measured. */
  height: number;
  /** False until a real measurement arrived (tests, SSR, or before the first layout). */
  measured: boolean;
}

export function useSize<T extends HTMLElement = HTMLDivElement>(defaultWidth = DEFAULT_WIDTH): Size<T> {
  // A callback ref in state (not useRef) so the effect re-runs when the element changes.
  const [el, setEl] = useState<T | null>(null);
  const [size, setSize] = useState({ width: defaultWidth, height: 0, measured: false });
  const ref = useCallback((node: T | null) => setEl(node), []);

  useEffect(() => {
    if (!el) return;
    // Whole pixels, and ignore 0 (a hidden tab or collapsed panel): keeping the last width
    // avoids a layout at 0 px and a jump back later.
    const update = (w: number, h: number) => {
      const width = Math.floor(w);
      if (!(width > 0)) return;
      const height = Math.floor(h);
      setSize((s) => (s.width === width && s.height === height && s.measured ? s : { width, height, measured: true }));
    };
    if (typeof ResizeObserver === 'undefined') {
      // Old browsers / test DOMs: measure once after layout and on window resizes.
      const measure = () => update(el.clientWidth, el.clientHeight);
      const raf = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(measure) : 0;
      if (typeof window !== 'undefined') window.addEventListener('resize', measure);
      return () => {
        if (raf && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(raf);
        if (typeof window !== 'undefined') window.removeEventListener('resize', measure);
      };
    }
    // The observer reports the initial size too, so no synchronous measurement is needed.
    const ro = new ResizeObserver((entries) => {
      const r = entries[entries.length - 1]?.contentRect;
      if (r) update(r.width, r.height);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);

  return { ref, ...size };
}
