/**
 * The player's controls, the same in every iterating panel: rewind, step back, play / pause,
 * step forward, speed, the step count and a slider to scrub the run. Keys work anywhere on the
 * page except in a field: Space plays or pauses, → and ← step, Home rewinds.
 * Test ids: stepper, rewind, step-back, play, step, speed, step-count, scrub.
 */
import { useId } from 'react';
import { Slider } from '../controls/Slider';
import type { Player } from './usePlayer';
import { useStepperKeys } from './useStepperKeys';

export interface PlayerBarProps {
  player: Player;
  /** Text beside the scrub slider, e.g. what the step shown does (default none: the count is on the row above). */
  label?: string;
  /** Extra controls on the player's row (e.g. a "show validation points" toggle). */
  children?: React.ReactNode;
}

const plural = (unit: string) => (unit.endsWith('s') ? unit : `${unit}s`);

export function speedLabel(v: number, unit: string): string {
  return Number.isFinite(v) ? `${v} ${v === 1 ? unit : plural(unit)}/s` : 'as fast as it goes';
}

export function PlayerBar({ player: p, label, children }: PlayerBarProps) {
  const speedId = useId();
  useStepperKeys(p);
  const U = p.unit;
  return (
    <div className="player">
      <div className="stepper" role="group" aria-label={`Step through the ${plural(U)}`} data-testid="stepper">
        <button type="button" onClick={p.rewind} aria-label="Rewind to the start (Home)" title="Rewind (Home)" data-testid="rewind">
          |◀◀
        </button>
        <button type="button" onClick={() => p.stepBy(-1)} aria-label="Step back (←)" title="Step back (←)" disabled={p.shown <= p.min} data-testid="step-back">
          ◀
        </button>
        <button type="button" onClick={p.toggle} aria-label={p.playing ? 'Pause (Space)' : 'Play (Space)'} title="Play / pause (Space)" data-testid="play" className="primary">
          {p.playing ? '❚❚' : '▶'}
        </button>
        <button type="button" onClick={() => p.stepBy(1)} aria-label="Step forward (→)" title="Step forward (→)" disabled={p.shown >= p.max} data-testid="step">
          ▶|
        </button>
        {p.speeds.length > 1 && (
          <span className="ctl player-speed">
            <label htmlFor={speedId} className="ctl-help">
              Speed
            </label>
            <select id={speedId} value={String(p.speed)} onChange={(e) => p.setSpeed(Number(e.currentTarget.value))} data-testid="speed">
              {p.speeds.map((s) => (
                <option key={String(s)} value={String(s)}>
                  {speedLabel(s, U)}
                </option>
              ))}
            </select>
          </span>
        )}
        <span className="stepper-count" aria-live="off">
          {U} <strong data-testid="step-count">{p.shown}</strong> / {p.endKnown ? p.max : `≤ ${p.max}`}
        </span>
        {children}
      </div>
      <Slider
        label="Scrub"
        value={p.aimed}
        min={p.min}
        max={p.max}
        step={p.stepSize}
        onChange={(v) => p.seek(v)}
        display={label ?? ''}
        testId="scrub"
      />
    </div>
  );
}
