/* The elbow's pauses (the worker passes ctx.yield and ctx.cancelled): the same curve whatever
   the pause, one pause and one value per K = 1 … MAX_K, and a stop at the first pause after a cancel. */
import { describe, expect, it } from 'vitest';
import { makeData } from './data';
import { ELBOW_SAMPLE, ELBOW_SILHOUETTE_SAMPLE, ElbowCancelled, elbowCurve, elbowSample, mergeElbow, shardOfK } from './elbow';
import { pointsOf } from './model';
import { MAX_K } from './params';

const d = makeData({ dataset: 'blobs', groups: 4, spread: 0.6, n: 300, seed: 3 });

describe('elbow curve, paused and cancelled', () => {
  it('pauses once per K and gives the same curve as the default pause', async () => {
    let pauses = 0;
    const paused = await elbowCurve(d, 'js', { seed: 3, pause: async () => void pauses++ });
    // The panel's curve is K = 1 … MAX_K, one pause and one value of each kind per K.
    expect(paused.ks).toEqual(Array.from({ length: MAX_K }, (_, i) => i + 1));
    expect(pauses).toBe(MAX_K);
    for (const series of [paused.inertia, paused.silhouette, paused.converged]) expect(series).toHaveLength(MAX_K);
    expect(paused).toEqual(await elbowCurve(d, 'js', { seed: 3 }));
    expect(paused.inertia.every((v) => v !== null && Number.isFinite(v))).toBe(true);
    // Best of several starts per K: more clusters never fit worse than fewer here (4 blobs, 300 points).
    for (let k = 1; k < MAX_K; k++) expect(paused.inertia[k]!).toBeLessThanOrEqual(paused.inertia[k - 1]!);
    // K = 1 is every point around the mean: its inertia is the total sum of squares.
    let mx = 0, my = 0;
    for (let i = 0; i < d.n; i++) {
      mx += d.x[2 * i] / d.n;
      my += d.x[2 * i + 1] / d.n;
    }
    let tss = 0;
    for (let i = 0; i < d.n; i++) tss += (d.x[2 * i] - mx) ** 2 + (d.x[2 * i + 1] - my) ** 2;
    expect(Math.abs(paused.inertia[0]! - tss) / tss).toBeLessThan(1e-12);
    expect(paused.silhouette[0]).toBeNull();
    expect(paused.silhouette.slice(1).every((v) => v !== null && v > -1 && v <= 1)).toBe(true);
  });

  it('stops at the first pause after a cancel', async () => {
    let pauses = 0;
    const run = elbowCurve(d, 'js', { seed: 3, pause: async () => void pauses++, cancelled: () => pauses >= 2 });
    await expect(run).rejects.toBeInstanceOf(ElbowCancelled);
    expect(pauses).toBe(2);
  });

  it('two halves (the two workers) give the whole curve to the bit, each K computed once', async () => {
    const pause = async () => {};
    const whole = await elbowCurve(d, 'js', { seed: 3, pause });
    const halves = [await elbowCurve(d, 'js', { seed: 3, pause, shard: 0 }), await elbowCurve(d, 'js', { seed: 3, pause, shard: 1 })] as const;
    // Each half holds only its own K's, and together they hold every K once.
    for (const s of [0, 1] as const) expect(halves[s].ks.every((k) => shardOfK(k) === s)).toBe(true);
    expect(halves[0].ks.length + halves[1].ks.length).toBe(MAX_K);
    expect(halves[0].ks.length).toBeGreaterThan(0);
    expect(halves[1].ks.length).toBeGreaterThan(0);
    expect(mergeElbow(halves)).toEqual(whole);
    expect(mergeElbow([halves[1], halves[0]])).toEqual(whole);
    // A half given twice leaves K's out: the merge refuses rather than draw a gap.
    expect(() => mergeElbow([halves[0], halves[0]])).toThrow();
  });

  it('the sample the page sends the workers gives the curve of the whole data, to the bit', async () => {
    const pause = async () => {};
    // Above ELBOW_SAMPLE points: that many distinct rows of the data, the same for the same seed.
    const big = makeData({ dataset: 'aniso', groups: 3, spread: 0.8, n: ELBOW_SAMPLE + 700, seed: 5 });
    const s = elbowSample(big, 5);
    expect(s.n).toBe(ELBOW_SAMPLE);
    const rows = new Set(Array.from({ length: big.n }, (_, i) => `${big.x[2 * i]},${big.x[2 * i + 1]}`));
    const picked = new Set(Array.from({ length: s.n }, (_, i) => `${s.x[2 * i]},${s.x[2 * i + 1]}`));
    expect(picked.size).toBe(ELBOW_SAMPLE);
    for (const r of picked) expect(rows.has(r)).toBe(true);
    expect(Array.from(elbowSample(big, 5).x)).toEqual(Array.from(s.x));
    expect(Array.from(elbowSample(big, 6).x)).not.toEqual(Array.from(s.x));
    // The worker's curve from the sent rows (a copy, as a message delivers it) is the whole data's.
    const fromSample = await elbowCurve(pointsOf(Float64Array.from(s.x)), 'js', { seed: 5, pause });
    expect(fromSample).toEqual(await elbowCurve(big, 'js', { seed: 5, pause }));
    // Runs on the sample, silhouettes scored on a sample of that.
    expect([fromSample.sampleN, fromSample.silhouetteN]).toEqual([ELBOW_SAMPLE, ELBOW_SILHOUETTE_SAMPLE]);
    // At most ELBOW_SAMPLE points: all of them, in order.
    expect(Array.from(elbowSample(d, 3).x)).toEqual(Array.from(d.x));
  });
});
