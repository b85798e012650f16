import { describe, expect, it } from 'vitest';
import { bitmapHeight, layout, MIN_BITMAP_H } from './gridLayout';
import { schema } from './params';

describe('split grid layout', () => {
  it('keeps one bitmap height for every number of rows a setting can draw', () => {
    // A grid has at most n rows (leave-one-out); every other scheme at most `folds`.
    expect(schema.folds.max).toBeLessThanOrEqual(schema.n.max);
    const heights = Array.from({ length: schema.n.max }, (_, i) => layout(i + 1).height);
    expect(MIN_BITMAP_H).toBe(241);
    for (const h of heights) expect(h).toBeLessThanOrEqual(MIN_BITMAP_H);
    for (let rows = 1; rows <= schema.n.max; rows++) expect(bitmapHeight(layout(rows))).toBe(MIN_BITMAP_H);
  });
  it('grows the bitmap past the reserve for a taller grid', () => {
    expect(bitmapHeight(layout(100))).toBe(layout(100).height);
    expect(layout(100).height).toBeGreaterThan(MIN_BITMAP_H);
  });
});
