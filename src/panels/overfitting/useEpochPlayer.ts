/**
 * Live training: while playing, every animation frame moves the `epoch` param forward (so the
 * link always says where training is), and the computer trains exactly those epochs and redraws
 * the boundary once. How many epochs a frame takes: `speed` epochs per second of wall clock, but
 * never more than fit in TRAIN_BUDGET_MS of training at the measured cost per epoch, so a frame
 * stays well under 16 ms and the page stays responsive. No frame is requested while paused or
 * after unmount. Implements the shared Player interface, so the Stepper drives it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Player } from '../../lib/controls/usePlayer';
import type { PanelStore } from '../../lib/params/store';
import type { schema } from './params';

/**
 * Training time allowed per frame, adapted while playing: it shrinks when frames arrive late
 * (over 20 ms apart: the grid, the redraw or the machine needed more) and grows back while they
 * keep the 60 Hz pace, between 1 and 10 ms. The boundary grid and React's commit take the rest.
 */
export const TRAIN_BUDGET_MS = { start: 6, min: 1, max: 10 } as const;
/** Epochs one press of a step button (or an arrow key) moves. */
export const STEP_EPOCHS = 10;

export interface EpochPlayerOptions {
  max: number;
  /** Epochs per second; Infinity = as many as the budget allows each frame. */
  speed: number;
  /** Measured milliseconds per epoch (all runs together). */
  msPerEpoch: () => number;
  /** A computation is still in flight: wait for it rather than pile up epochs. */
  busy: () => boolean;
  /** Training has ended at the current epoch (early stopping or divergence in every run). */
  finished: () => boolean;
}

export function useEpochPlayer(store: PanelStore<typeof schema>, opts: EpochPlayerOptions): Player {
  const [playing, setPlaying] = useState(false);
  const raf = useRef(0);
  const o = useRef(opts);
  o.current = opts;
  const get = () => store.getState().params.epoch;
  const put = useCallback((v: number) => store.getState().set('epoch', Math.max(0, Math.min(o.current.max, Math.round(v)))), [store]);

  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let carry = 0;
    let budget: number = TRAIN_BUDGET_MS.start;
    const tick = (now: number) => {
      const { max, speed, msPerEpoch, busy, finished } = o.current;
      const gap = now - last;
      const dt = Math.min(100, gap);
      last = now;
      budget = gap > 20 ? Math.max(TRAIN_BUDGET_MS.min, budget * 0.7) : gap < 18 ? Math.min(TRAIN_BUDGET_MS.max, budget + 0.25) : budget;
      if (finished() || get() >= max) {
        setPlaying(false);
        return;
      }
      if (!busy()) {
        const cap = Math.max(1, Math.floor(budget / Math.max(1e-3, msPerEpoch())));
        let k: number;
        if (Number.isFinite(speed)) {
          carry += (dt / 1000) * speed;
          k = Math.floor(carry);
          carry -= k;
          if (k > cap) {
            k = cap;
            carry = 0; // behind: drop the debt rather than catch up in a burst
          }
        } else k = cap;
        if (k > 0) put(get() + k);
      }
      raf.current = requestAnimationFrame(tick);
    };
    raf.current = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [playing, put]);

  const start = () => {
    if (get() >= o.current.max || o.current.finished()) put(0);
    setPlaying(true);
  };
  return {
    playing,
    play: start,
    pause: () => setPlaying(false),
    toggle: () => (playing ? setPlaying(false) : start()),
    stepBy: (d) => {
      setPlaying(false);
      put(get() + d * STEP_EPOCHS);
    },
    rewind: () => {
      setPlaying(false);
      put(0);
    },
  };
}
