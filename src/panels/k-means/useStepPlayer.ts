/**
 * Play / pause / step for the k-means timeline. Like lib/controls/usePlayer, but the timeline
 * starts below zero while k-means++ is still picking centres, its end is only known once the
 * run converges, and steps move from the step actually shown (a link may ask for a step past
 * the end of the run). Advances on animation frames at `perSecond` half-moves per second; the
 * loop stops on pause, at the end, and on unmount.
 */
import { useEffect, useRef, useState } from 'react';
import type { Player } from '../../lib/controls/usePlayer';
import { MAX_STEP } from './params';
import { store } from './store';

export interface Timeline {
  /** The step on screen (after clamping to the run). */
  shown: number;
  min: number;
  /** Last step when known, else MAX_STEP. */
  max: number;
}

export function useStepPlayer(t: Timeline, perSecond: number): Player {
  const [playing, setPlaying] = useState(false);
  const tl = useRef(t);
  tl.current = t;
  const put = (v: number) => store.getState().set('step', Math.max(tl.current.min, Math.min(tl.current.max, MAX_STEP, v)));

  useEffect(() => {
    if (!playing) return;
    let raf = 0;
    let last = performance.now();
    let carry = 0;
    const tick = (now: number) => {
      carry += ((now - last) / 1000) * perSecond;
      last = now;
      const whole = Math.floor(carry);
      if (whole > 0) {
        carry -= whole;
        const { shown, max } = tl.current;
        if (store.getState().params.step > shown) {
          // The next half-move is still being computed (large runs grow as they play): wait.
          carry = 0;
        } else if (shown >= max) {
          setPlaying(false);
          return;
        } else store.getState().set('step', shown + 1);
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing, perSecond]);

  const atEnd = () => tl.current.shown >= tl.current.max;
  return {
    playing,
    play: () => {
      if (atEnd()) put(tl.current.min);
      setPlaying(true);
    },
    pause: () => setPlaying(false),
    toggle: () => {
      if (playing) setPlaying(false);
      else {
        if (atEnd()) put(tl.current.min);
        setPlaying(true);
      }
    },
    stepBy: (d) => {
      setPlaying(false);
      put(tl.current.shown + d);
    },
    rewind: () => {
      setPlaying(false);
      put(tl.current.min);
    },
  };
}
