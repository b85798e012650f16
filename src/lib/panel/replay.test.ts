import { describe, expect, it } from 'vitest';
import { announcesReplay, REPLAY_NOTE_MS, replayFrom, replayingTo, type ReplayState } from './replay';

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

describe('replayFrom and replayingTo', () => {
  it('counts from the worker’s progress while it catches up', () => {
    expect(replayFrom(120, false, false, 40)).toBe(120);
    expect(replayingTo(replayFrom(120, false, false, 40), 400, false)).toBe(true);
  });
  it('announces a link from its first render: nothing on screen counts as step 0', () => {
    expect(replayFrom(null, false, false, null)).toBe(0);
    expect(replayingTo(0, 400, false)).toBe(true);
  });
  it('before the first progress after a jump, counts from the step on screen (a single step is not announced)', () => {
    expect(replayingTo(replayFrom(null, false, false, 99), 100, false)).toBe(false);
    expect(replayingTo(replayFrom(null, false, false, 98), 100, false)).toBe(true);
  });
  it('is silent once the asked-for view is on screen, after a failure, and while playing', () => {
    expect(replayFrom(null, true, false, 0)).toBeNull();
    expect(replayFrom(null, false, true, 0)).toBeNull();
    expect(replayingTo(null, 400, false)).toBe(false);
    expect(replayingTo(0, 400, true)).toBe(false);
  });
});
