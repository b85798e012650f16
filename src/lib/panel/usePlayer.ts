/**
 * The one player every iterating panel uses: step, play, pause, speed, scrub, keyboard and
 * reduced motion, for an algorithm whose current step is a param (so the link always says where
 * it is). The panel says which step is on screen (`shown`, which may lag the param while a
 * result is computed) and how to write the step; the player never runs ahead of the picture:
 * it waits while the panel is busy or the step it asked for is not shown yet.
 *
 * Playing advances on animation frames at `speed` steps per second (Infinity = as many as
 * `maxPerFrame` allows, for training); it stops by itself at `max` or when `finished`. With
 * reduced motion it moves in a few calm jumps instead of every frame. Nothing keeps running
 * once the panel unmounts.
 */
import { useRef, useState } from 'react';
import { prefersReducedMotion } from './schedule';
import { REDUCED_MOTION_MS, stepsThisFrame } from './playerClock';
import { useFrameLoop } from './useFrameLoop';

/** What the keyboard shortcuts need. */
export interface StepKeys {
  toggle(): void;
  stepBy(delta: number): void;
  rewind(): void;
}

export interface PlayerSpec {
  /** The step on screen. */
  shown: number;
  /** Writes the step param (already clamped to [min, max]). */
  set(step: number): void;
  /** First step (default 0; k-means starts below zero while seeding). */
  min?: number;
  /** Last step, or the cap while the end is not known. */
  max: number;
  /** False while `max` is only a cap (the run has not ended yet). Default true. */
  endKnown?: boolean;
  /** What one step is called: "iteration", "epoch", "half-move". */
  unit: string;
  /** Speeds offered, in steps per second (Infinity = as fast as the budget allows). */
  speeds?: readonly number[];
  /** Initial speed (one of `speeds`). */
  speed?: number;
  /** Steps one press of step / ← / → moves (default 1). */
  stepSize?: number;
  /** The panel is still computing: wait rather than move on. */
  busy?: boolean;
  /** Nothing more to play (converged, stopped early, diverged): playing stops. */
  finished?: boolean;
  /** Most steps one frame may move (e.g. a training budget over the measured cost per step). */
  maxPerFrame?: () => number;
}

export interface Player extends StepKeys {
  playing: boolean;
  /** The step asked for and not yet on screen, else the step shown: where the scrub slider sits, so quick presses add up. */
  aimed: number;
  play(): void;
  pause(): void;
  /** Pauses and shows `step` (clamped). */
  seek(step: number): void;
  speed: number;
  setSpeed(v: number): void;
  speeds: readonly number[];
  shown: number;
  min: number;
  max: number;
  endKnown: boolean;
  unit: string;
  stepSize: number;
}

export const DEFAULT_SPEEDS = [1, 2, 5, 10, 20, 30] as const;
/** How long the player waits for a step it asked for before it stops waiting (the panel may clamp). */
const WAIT_LIMIT_MS = 3000;

export function usePlayer(spec: PlayerSpec): Player {
  const speeds = spec.speeds ?? DEFAULT_SPEEDS;
  const [speed, setSpeed] = useState<number>(spec.speed ?? speeds[Math.min(3, speeds.length - 1)]);
  const [playing, setPlaying] = useState(false);
  const min = spec.min ?? 0;
  const ref = useRef({ spec, min, speed });
  ref.current = { spec, min, speed };
  const clock = useRef({ carry: 0, acc: 0, asked: null as number | null, askedAt: 0 });

  const clamp = (v: number) => Math.max(ref.current.min, Math.min(ref.current.spec.max, Math.round(v)));
  const put = (v: number) => {
    const t = clamp(v);
    clock.current.asked = t;
    clock.current.askedAt = performance.now();
    ref.current.spec.set(t);
  };
  const atEnd = () => {
    const s = ref.current.spec;
    return s.shown >= s.max || !!s.finished;
  };

  useFrameLoop(playing, (now, dt) => {
    const { spec: s, speed: v } = ref.current;
    const c = clock.current;
    if (atEnd()) {
      setPlaying(false);
      return false;
    }
    const waiting = c.asked !== null && s.shown !== c.asked && now - c.askedAt < WAIT_LIMIT_MS;
    const cap = s.maxPerFrame ? s.maxPerFrame() : Infinity;
    let k: number;
    if (prefersReducedMotion()) {
      c.acc += dt;
      if (c.acc < REDUCED_MOTION_MS) return true;
      k = stepsThisFrame(c, c.acc, v, Number.isFinite(cap) ? cap * (c.acc / 16.7) : cap, !!s.busy || waiting);
      c.acc = 0;
    } else k = stepsThisFrame(c, dt, v, cap, !!s.busy || waiting);
    if (k > 0) put(s.shown + k);
    return true;
  });

  const start = () => {
    if (atEnd()) put(ref.current.min);
    clock.current.carry = 0;
    clock.current.acc = 0;
    setPlaying(true);
  };
  const player: Player = {
    playing,
    play: start,
    pause: () => {
      setPlaying(false);
      // Stop where the picture is: a step asked for but not yet shown is taken back, so the link
      // and the screen agree on where the run was paused.
      const c = clock.current;
      if (c.asked !== null && ref.current.spec.shown !== c.asked) put(ref.current.spec.shown);
    },
    toggle: () => (playing ? player.pause() : start()),
    stepBy: (d) => {
      setPlaying(false);
      // Presses made before the last asked-for step is on screen add up, rather than being lost.
      const c = clock.current;
      const base = c.asked !== null && ref.current.spec.shown !== c.asked && performance.now() - c.askedAt < WAIT_LIMIT_MS ? c.asked : ref.current.spec.shown;
      put(base + d * (ref.current.spec.stepSize ?? 1));
    },
    rewind: () => {
      setPlaying(false);
      put(ref.current.min);
    },
    seek: (step) => {
      setPlaying(false);
      put(step);
    },
    speed,
    setSpeed,
    speeds,
    shown: spec.shown,
    aimed: clock.current.asked !== null && performance.now() - clock.current.askedAt < WAIT_LIMIT_MS ? clock.current.asked : spec.shown,
    min,
    max: spec.max,
    endKnown: spec.endKnown ?? true,
    unit: spec.unit,
    stepSize: spec.stepSize ?? 1,
  };
  return player;
}
