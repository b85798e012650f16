import { describe, expect, it } from 'vitest';
import { earlyFactories, startEarly } from './early';
import type { WorkerFactory } from './client';

const a: WorkerFactory = () => ({ postMessage() {}, addEventListener() {}, terminate() {} });
const b: WorkerFactory = () => ({ postMessage() {}, addEventListener() {}, terminate() {} });

describe('early workers', () => {
  it('a list is started whatever the query; no list starts nothing', () => {
    expect(earlyFactories([a, b], new URLSearchParams('mode=x'))).toEqual([a, b]);
    expect(earlyFactories(undefined, new URLSearchParams())).toEqual([]);
  });

  it('a function of the query picks the workers of the mode being opened', () => {
    const early = (q: URLSearchParams) => (q.get('mode') === 'network' ? [a] : []);
    expect(earlyFactories(early, new URLSearchParams('v=1&mode=network'))).toEqual([a]);
    expect(earlyFactories(early, new URLSearchParams('v=1&mode=kernel'))).toEqual([]);
    const started: WorkerFactory[] = [];
    startEarly(early, new URLSearchParams('mode=network'), (f) => started.push(f));
    startEarly([b], new URLSearchParams(), (f) => started.push(f));
    expect(started).toEqual([a, b]);
  });
});
