/** Own CSV data reach the k-means model: hand-made points give the hand-computed clusters. */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../lib/data/csv';
import { quantise } from '../../lib/data/linkData';
import { forgetOwnData, ownDataParam } from '../../lib/data/ownData';
import { defaults } from '../../lib/params/schema';
import { parseQuery, serialize } from '../../lib/params/url';
import { createComputer } from './compute';
import { makeData, OWN_KEY, OWN_REQUEST } from './data';
import { schema, type KMeansParams } from './params';

function load(text: string): string {
  const r = parseCsv(text, OWN_REQUEST);
  if (!r.ok) throw new Error(r.message);
  return ownDataParam(OWN_KEY, r.data.columns);
}
const run = (csv: string, k: number) => createComputer().frame({ ...defaults(schema), dataset: 'csv', csv, k, engine: 'js', step: 200 } as KMeansParams);

describe('k-means on own CSV data', () => {
  it('two hand-made triangles: centres are their means, inertia 8/3', async () => {
    const csv = load('X2;x1\n0;0\n1;0\n0;1\n10;10\n11;10\n10;11\n');
    const f = await run(csv, 2);
    expect(f.data.own).toBe(true);
    expect(f.notes).toEqual([]);
    expect(f.converged).toBe(true);
    const c = Array.from(f.centres);
    const pairs = [[c[0], c[1]], [c[2], c[3]]].sort((a, b) => a[0] - b[0]);
    // x1 is the second column of the file: the triangle (0,0),(0,1),(1,0) has mean (1/3, 1/3).
    for (const [got, want] of [[pairs[0], [1 / 3, 1 / 3]], [pairs[1], [31 / 3, 31 / 3]]]) {
      expect(got[0]).toBeCloseTo(want[0], 12);
      expect(got[1]).toBeCloseTo(want[1], 12);
    }
    expect(f.snap!.inertia).toBeCloseTo(8 / 3, 10);
    expect(Array.from(f.snap!.sizes!)).toEqual([3, 3]);
  });
  it('the model uses the values as the link carries them, and the link round-trips them', async () => {
    const text = 'x1,x2\n' + Array.from({ length: 150 }, (_, i) => `${Math.sin(i) * 3.21},${Math.cos(i * 1.7) * 0.123}`).join('\n');
    const csv = load(text);
    const parsed = parseCsv(text, OWN_REQUEST);
    if (!parsed.ok) throw new Error(parsed.message);
    const q = quantise(parsed.data.columns);
    const d = makeData({ ...defaults(schema), dataset: 'csv', csv });
    expect(d.n).toBe(150);
    for (let i = 0; i < 150; i++) expect([d.x[2 * i], d.x[2 * i + 1]]).toEqual([q[0][i], q[1][i]]);
    const link = serialize(schema, { ...defaults(schema), dataset: 'csv', csv } as KMeansParams);
    expect(link.length).toBeLessThan(4000);
    const back = parseQuery(schema, link);
    expect(back.problems).toEqual([]);
    const a = await run(csv, 3), b = await run(back.params.csv, 3);
    expect(b.snap!.inertia).toBe(a.snap!.inertia);
  });
  it('more than 200 rows stay in this browser; a receiver sees blobs and a message', async () => {
    const csv = load('x1,x2\n' + Array.from({ length: 250 }, (_, i) => `${i % 7},${(i * 13) % 11}`).join('\n'));
    expect(csv).toMatch(/^local:250-/);
    const here = await run(csv, 2);
    expect(here.data.n).toBe(250);
    expect(here.notes[0]).toMatch(/does not carry your 250 rows/);
    forgetOwnData(OWN_KEY);
    const there = await run(csv, 2);
    expect(there.data.own).toBeFalsy();
    expect(there.data.n).toBe(defaults(schema).n);
    expect(there.notes[0]).toMatch(/250 rows of the sender’s own data/);
  });
  it('dataset=csv without data, or with a damaged string: generated blobs and a message', async () => {
    expect((await run('', 4)).notes[0]).toMatch(/No CSV data loaded yet/);
    const bad = await run('1.AAAA', 4);
    expect(bad.data.own).toBeFalsy();
    expect(bad.notes[0]).toMatch(/damaged/);
  });
});
