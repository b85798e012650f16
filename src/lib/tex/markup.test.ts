import { describe, expect, it } from 'vitest';
import { KEEP, keptFormulas, texMarkup } from './markup';

describe('texMarkup: typeset once, kept', () => {
  it('gives KaTeX markup with the source for screen readers; block formulas are display math', () => {
    const inline = texMarkup(String.raw`\alpha = \tfrac{1}{2}`, false);
    expect(inline).toContain('<math');
    expect(inline).toContain(String.raw`\alpha = \tfrac{1}{2}`); // the annotation
    expect(inline).not.toContain('katex-display');
    expect(texMarkup(String.raw`\alpha = \tfrac{1}{2}`, true)).toContain('katex-display');
    // A typo shows as red source text instead of throwing.
    expect(texMarkup(String.raw`\frac{1}{`, false)).toContain('katex-error');
  });

  it('keeps at most KEEP formulas; the same formula gives the same markup', () => {
    const first = texMarkup('x_{0}', false);
    expect(texMarkup('x_{0}', false)).toBe(first);
    for (let k = 1; k <= KEEP + 10; k++) texMarkup(`x_{${k}}`, false);
    expect(keptFormulas()).toBe(KEEP);
  });
});
