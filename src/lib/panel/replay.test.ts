import { describe, expect, it } from 'vitest';
import { announcesReplay, REPLAY_NOTE_MS, type ReplayState } from './replay';

const base: ReplayState = { fresh: true, catchingUp: true, playing: false, target: 1500, reached: 250, msPerStep: 5 };

describe('announcesReplay', () => {
  it('announces a link that trains toward a far step', () => {
    expect(announcesReplay(base)).toBe(true);
  });
  it('is silent while playing, once reached, or while the old settings are still on screen', () => {
    expect(announcesReplay({ ...base, playing: true })).toBe(false);
    expect(announcesReplay({ ...base, catchingUp: false })).toBe(false);
    expect(announcesReplay({ ...base, fresh: false })).toBe(false);
  });
  it('does not flash for a catch-up shorter than the threshold, measured in time not steps', () => {
    const steps = 40;
    const atLimit = REPLAY_NOTE_MS / steps;
    expect(announcesReplay({ ...base, reached: base.target - steps, msPerStep: atLimit })).toBe(false);
    expect(announcesReplay({ ...base, reached: base.target - steps, msPerStep: atLimit * 1.01 })).toBe(true);
  });
});
