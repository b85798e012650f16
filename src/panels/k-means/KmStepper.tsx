/**
 * Rewind / back / play / forward for the half-moves, a play speed, and a slider to scrub the
 * recorded run. Keys work anywhere on the page except in a field: Space plays or pauses, → and ←
 * step, Home rewinds (to the first k-means++ pick when seeding is shown).
 */
import { useId } from 'react';
import type { Player } from '../../lib/controls/usePlayer';
import { Slider } from '../../lib/controls/Slider';
import { useStepperKeys } from '../../lib/panel/useStepperKeys';

export const SPEEDS = [0.5, 1, 2, 4, 8, 16, 30] as const;

export interface KmStepperProps {
  player: Player;
  step: number;
  min: number;
  max: number;
  /** Whether `max` is the end of the run (converged or out of iterations) or just a cap. */
  endKnown: boolean;
  label: string;
  speed: number;
  onSpeed(v: number): void;
  onScrub(step: number): void;
}

export function KmStepper({ player, step, min, max, endKnown, label, speed, onSpeed, onScrub }: KmStepperProps) {
  const speedId = useId();
  useStepperKeys(player);

  return (
    <div className="km-stepper">
      <div className="stepper" role="group" aria-label="Step through the half-moves" data-testid="stepper">
        <button type="button" onClick={player.rewind} aria-label="Rewind to the start (Home)" title="Rewind (Home)" data-testid="rewind">|◀◀</button>
        <button type="button" onClick={() => player.stepBy(-1)} aria-label="Step back (←)" title="Step back (←)" disabled={step <= min} data-testid="step-back">◀</button>
        <button type="button" onClick={player.toggle} aria-label={player.playing ? 'Pause (Space)' : 'Play (Space)'} title="Play / pause (Space)" data-testid="play" className="primary">
          {player.playing ? '❚❚' : '▶'}
        </button>
        <button type="button" onClick={() => player.stepBy(1)} aria-label="Step forward (→)" title="Step forward (→)" disabled={step >= max} data-testid="step">▶|</button>
        <span className="ctl km-speed">
          <label htmlFor={speedId} className="ctl-help">Speed</label>
          <select id={speedId} value={speed} onChange={(e) => onSpeed(Number(e.currentTarget.value))} data-testid="speed">
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s} move{s === 1 ? '' : 's'}/s
              </option>
            ))}
          </select>
        </span>
        <span className="stepper-count" aria-live="off">
          half-move <strong data-testid="step-count">{step}</strong> / {endKnown ? max : `≤ ${max}`}
        </span>
      </div>
      <Slider label="Scrub through the run" value={step} min={min} max={max} step={1} onChange={(v) => onScrub(Math.round(v))} display={label} testId="ctl-step" />
    </div>
  );
}
