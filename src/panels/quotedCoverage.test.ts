/**
 * Every panel has an experiments.test.ts (issue 16): the test that recomputes each number its
 * "Try this" texts quote (lib/panel/quoted.ts). A new panel without one fails here, so a quoted
 * number can never go unchecked just because nobody wrote the file.
 */
import { describe, expect, it } from 'vitest';

// Keys only: nothing is imported (the panels' modules and the test files stay unloaded).
const panels = Object.keys(import.meta.glob('./*/panel.ts')).map((k) => k.split('/')[1]);
const checked = new Set(Object.keys(import.meta.glob('./*/experiments.test.ts')).map((k) => k.split('/')[1]));

describe('quoted numbers are checked for every panel', () => {
  it('finds the panels', () => expect(panels.length).toBeGreaterThanOrEqual(12));
  it.each(panels)('%s has an experiments.test.ts', (slug) => expect(checked.has(slug)).toBe(true));
});
