import { afterEach, describe, expect, it, vi } from 'vitest';
import { categorical, classColor, diverging, resolveColor, resolveCssVar, sequential, signedColor, TRAIN } from './colors';
import { contrastRatio, textColorOn, DARK_TEXT, LIGHT_TEXT } from './colorMath';
import { matrixLayout } from './matrixLayout';

describe('colours', () => {
  afterEach(() => vi.unstubAllGlobals());
  it('categorical wraps over the ten CSS variables', () => {
    expect(categorical(0)).toBe('var(--c0)');
    expect(categorical(12)).toBe('var(--c2)');
    expect(categorical(-1)).toBe('var(--c9)');
    expect(classColor(1)).toBe('var(--class1)');
  });
  it('scales clamp and map NaN to transparent', () => {
    expect(sequential(-1)).toBe(sequential(0));
    expect(sequential(NaN)).toBe('rgba(0, 0, 0, 0)');
    expect(diverging(0.5)).toBe(signedColor(0, 3));
  });
  it('resolves CSS variables to fallbacks without a DOM', () => {
    expect(resolveCssVar('--c0')).toBe('#4e79a7');
    expect(resolveColor(TRAIN)).toBe('#4e79a7');
    expect(resolveColor('var(--nope, #123456)')).toBe('#123456');
    expect(resolveColor('#abcdef')).toBe('#abcdef');
  });
  it('with a DOM: asks the browser once per variable while the theme stays, again after it changes', () => {
    const attrs: Record<string, string | null> = { 'data-theme': 'light', class: null, style: null };
    const values: Record<string, string> = { '--c0': ' #111111 ', '--late': '' };
    const root = { getAttribute: (k: string) => attrs[k] ?? null };
    const asked: string[] = [];
    const dark = { matches: false };
    vi.stubGlobal('document', { documentElement: root });
    vi.stubGlobal('matchMedia', () => dark);
    vi.stubGlobal('getComputedStyle', (el: unknown) => {
      expect(el).toBe(root);
      return { getPropertyValue: (n: string) => (asked.push(n), values[n] ?? '') };
    });
    expect(resolveCssVar('--c0')).toBe('#111111');
    expect(resolveColor('var(--c0)')).toBe('#111111');
    expect(asked).toEqual(['--c0']); // the second ask came from the cache
    // A theme switch (attribute on <html>) or the system's dark mode: asked afresh.
    values['--c0'] = '#222222';
    attrs['data-theme'] = 'dark';
    expect(resolveCssVar('--c0')).toBe('#222222');
    values['--c0'] = '#333333';
    dark.matches = true;
    expect(resolveCssVar('--c0')).toBe('#333333');
    expect(asked).toEqual(['--c0', '--c0', '--c0']);
    // An unset variable gives the fallback and is asked again next time (its stylesheet may load later).
    expect(resolveCssVar('--late', '#abcabc')).toBe('#abcabc');
    values['--late'] = '#444444';
    expect(resolveCssVar('--late', '#abcabc')).toBe('#444444');
  });
  it('picks readable text on dark and light cells', () => {
    expect(textColorOn(sequential(0))).toBe(LIGHT_TEXT); // viridis dark purple
    expect(textColorOn(sequential(1))).toBe(DARK_TEXT); // viridis yellow
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21);
    for (let k = 0; k <= 10; k++) {
      const bg = sequential(k / 10);
      expect(contrastRatio(bg, textColorOn(bg))).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('matrix layout', () => {
  const labels = (n: number) => Array.from({ length: n }, (_, i) => `class ${i}`);
  it('a 10 × 10 confusion matrix fits a 343 px column', () => {
    const L = matrixLayout({
      width: 343, rows: 10, cols: 10, rowLabels: labels(10), colLabels: labels(10),
      hasXLabel: true, hasYLabel: true, colLabelsOnTop: false,
    });
    expect(L.width).toBeLessThanOrEqual(343);
    expect(L.rotateCols).toBe(true);
    expect(L.cell).toBeGreaterThanOrEqual(20);
  });
  it('a 2 × 2 matrix gets capped cells and printed values', () => {
    const L = matrixLayout({
      width: 600, rows: 2, cols: 2, rowLabels: ['0', '1'], colLabels: ['0', '1'],
      hasXLabel: true, hasYLabel: true, colLabelsOnTop: false, maxCell: 56,
    });
    expect(L.cell).toBe(56);
    expect(L.rotateCols).toBe(false);
    expect(L.valueFont).toBe(12);
  });
});
