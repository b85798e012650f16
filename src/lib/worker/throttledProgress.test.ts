import { describe, expect, it } from 'vitest';
import { throttledProgress } from './throttledProgress';

describe('throttledProgress', () => {
  it('says nothing before `after` ms, then at most once per `every` ms, the latest value', () => {
    let t = 1000;
    const said: number[] = [];
    const report = throttledProgress({ progress: (v) => said.push(v) }, 150, 100, () => t);
    for (const [at, v] of [[0, 0.1], [149, 0.2], [150, 0.3], [200, 0.4], [249, 0.5], [250, 0.6], [251, 0.7], [400, 0.8]] as const) {
      t = 1000 + at;
      report(v);
    }
    expect(said).toEqual([0.3, 0.6, 0.8]);
  });
});
