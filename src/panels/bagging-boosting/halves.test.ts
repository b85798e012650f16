/**
 * The two workers' halves joined (halves.ts, what the page now draws) are the frame the one
 * worker computed before (compute.ts's createFrameComputer, kept unchanged as the plain path),
 * to the last bit: every typed array compared byte for byte, every number with Object.is.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { createFrameComputer, frameInput, type FrameInput } from './compute';
import { createHalfComputer, mergeHalves, type HalfInput, type Part } from './halves';
import { adaShown, fitAda } from './model';
import { MAX_ROUNDS, schema, type BBParams } from './params';

const D: BBParams = defaults(schema);

/** A value with every number and typed array spelled out bit by bit (keys sorted). */
function bits(v: unknown): unknown {
  if (ArrayBuffer.isView(v)) return `${v.constructor.name}:${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}`;
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : Buffer.from(new Float64Array([v]).buffer).toString('hex');
  if (Array.isArray(v)) return v.map(bits);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, bits((v as Record<string, unknown>)[k])]));
  return v;
}

const half = (input: FrameInput, shard: 0 | 1): HalfInput => ({ ...input, shard, shards: 2 });
const joined = (compute: (h: HalfInput) => Part, input: FrameInput) => mergeHalves(input, [compute(half(input, 0)), compute(half(input, 1))]);

describe('bagging-boosting halves', () => {
  // Settings that reach every branch: stumps and depth 3, bootstrap off, AdaBoost stopping early
  // (a perfect learner on noise-free XOR at depth 3), the first and last rounds and a round past
  // AdaBoost's stop.
  const cases: Partial<BBParams>[] = [
    {},
    { n: 500, depth: 3, round: 200 },
    { bootstrap: false, round: 1 },
    { dataset: 'xor', noise: 0, depth: 3, round: 150 },
    { dataset: 'circles', noise: 0.1, round: 37 },
    { n: 20, noise: 0.6, lr: 1, round: MAX_ROUNDS },
  ];
  it.each(cases)('joined halves are the one-worker frame, bit for bit: %o', (over) => {
    const input = frameInput({ ...D, ...over });
    const one = createFrameComputer().frame(input);
    const two = joined(createHalfComputer(), input);
    expect(bits(two)).toEqual(bits(one));
    // The branches the cases claim to reach.
    if (over.dataset === 'xor') expect(one.cls.adaStop).toEqual({ after: one.cls.adaRounds, reason: 'perfect' });
    else expect(one.cls.adaRounds).toBe(MAX_ROUNDS);
  });

  it('a worker moving between settings and rounds (its fits cached) still gives the one-worker frames', () => {
    const compute = createHalfComputer(2);
    const plain = createFrameComputer(2);
    const inputs = [7, 200, 64].flatMap((round) => [frameInput({ ...D, round }), frameInput({ ...D, depth: 2, bootstrap: false, round })]);
    for (const input of inputs) expect(bits(joined(compute, input))).toEqual(bits(plain.frame(input)));
  });

  it('a part carries the page’s input without the half tag, and the halves join in either order', () => {
    const input = frameInput({ ...D, round: 12 });
    const compute = createHalfComputer();
    const [a, b] = [compute(half(input, 0)), compute(half(input, 1))];
    expect(a.shard).toBe(0);
    expect(b.shard).toBe(1);
    if (a.shard === 0) expect(Object.keys(a.input).sort()).toEqual(Object.keys(input).sort());
    expect(bits(mergeHalves(input, [b, a]))).toEqual(bits(mergeHalves(input, [a, b])));
    expect(() => mergeHalves(input, [a, a])).toThrow(/both halves/);
    expect(() => mergeHalves(input, [b, b])).toThrow(/both halves/);
  });

  it('with no AdaBoost learner (none beat chance) the boosting half shows none, as classRound does', () => {
    const input = frameInput({ ...D, round: 5 });
    const fit = fitAda(input);
    expect(adaShown({ ...fit, ada: [] }, 5)).toBeNull();
    expect(adaShown(fit, 5)?.learner).toBe(5);
  });

  it('parts are fresh arrays: transferring one (emptying it) leaves the cached fits whole', () => {
    const input = frameInput({ ...D, round: 30 });
    const compute = createHalfComputer();
    const first = joined(compute, input);
    // What a transfer does to the sent arrays: detach their buffers.
    const detach = (a: ArrayBufferView) => structuredClone(a.buffer, { transfer: [a.buffer as ArrayBuffer] });
    for (const a of [first.cls.x, first.cls.y, first.cls.bagTrain, first.cls.bagTest, first.cls.adaTrain, first.cls.adaTest, first.reg.x, first.reg.y, first.reg.trainMse, first.reg.testMse, first.shown.bag.inBag, first.shown.ada!.weights]) detach(a);
    expect(bits(joined(compute, input))).toEqual(bits(createFrameComputer().frame(input)));
  });
});
