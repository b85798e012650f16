/* The elbow's pauses (the worker passes ctx.yield and ctx.cancelled): the same curve whatever
   the pause, one pause per K, and a stop at the first pause after a cancel. */
import { describe, expect, it } from 'vitest';
import { makeData } from './data';
import { ElbowCancelled, elbowCurve } from './elbow';

const d = makeData({ dataset: 'blobs', groups: 4, spread: 0.6, n: 300, seed: 3 });

describe('elbow curve, paused and cancelled', () => {
  it('pauses once per K and gives the same curve as the default pause', async () => {
    let pauses = 0;
    const paused = await elbowCurve(d, 'js', { seed: 3, pause: async () => void pauses++ });
    expect(pauses).toBe(paused.ks.length);
    expect(paused).toEqual(await elbowCurve(d, 'js', { seed: 3 }));
    expect(paused.inertia.every((v) => v !== null && Number.isFinite(v))).toBe(true);
  });

  it('stops at the first pause after a cancel', async () => {
    let pauses = 0;
    const run = elbowCurve(d, 'js', { seed: 3, pause: async () => void pauses++, cancelled: () => pauses >= 2 });
    await expect(run).rejects.toBeInstanceOf(ElbowCancelled);
    expect(pauses).toBe(2);
  });
});
