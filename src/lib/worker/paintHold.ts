/**
 * Holds a worker's answers back until the frame after a new request is painted (issue 8): the key
 * press's own frame (the slider, the readout's "Computing for" row) goes first, and a run's first
 * progress, which can arrive within that frame, is drawn in the next one. Only the drawing waits:
 * the worker started at the key press. The latest answer held wins; a newer request holds until
 * its own frame. Pure (the frame signal is passed in), so it is tested without a browser.
 */
export interface PaintHold<S> {
  /** An answer: applied now, or kept until the held frame is painted. */
  receive(s: S): void;
  /** A new request went out: hold answers until the next painted frame. */
  hold(): void;
}

export function createPaintHold<S>(apply: (s: S) => void, afterPaint: () => Promise<void>): PaintHold<S> {
  let on = false;
  let token = 0;
  let held: { s: S } | null = null;
  return {
    receive(s) {
      if (on) held = { s };
      else apply(s);
    },
    hold() {
      on = true;
      const mine = ++token;
      void afterPaint().then(() => {
        if (mine !== token) return; // a newer request holds until its own frame
        on = false;
        const h = held;
        held = null;
        if (h) apply(h.s);
      });
    },
  };
}
