import { describe, expect, it } from 'vitest';
import { checkCounts, parseProgress } from './progress';

describe('progress (kept in the browser)', () => {
  it('reads what it wrote and counts checks per panel', () => {
    const p = parseProgress(JSON.stringify({ opened: { 'k-means': true }, checks: { 'k-means/a': true, 'k-means/b': false, 'bias-variance/a': true } }));
    expect(p.opened).toEqual({ 'k-means': true });
    expect(checkCounts(p, 'k-means')).toEqual({ answered: 2, right: 1 });
    expect(checkCounts(p, 'bias-variance')).toEqual({ answered: 1, right: 1 });
    expect(checkCounts(p, 'attention')).toEqual({ answered: 0, right: 0 });
  });

  it('ignores anything malformed instead of throwing', () => {
    for (const bad of [null, '', 'not json', '[]', '42', '{"opened":5}', '{"checks":{"x":true}}', '{"checks":{"a/b":"yes"}}', '{"opened":{"__proto__":true,"A B":true}}']) {
      const p = parseProgress(bad);
      expect(Object.keys(p.checks)).toEqual([]);
      expect(Object.keys(p.opened)).toEqual([]);
    }
  });
});
