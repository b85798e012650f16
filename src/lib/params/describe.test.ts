import { describe, expect, it } from 'vitest';
import { changedSettings } from './describe';
import type { Schema } from './schema';

const schema = {
  depth: { kind: 'int', label: 'Depth', min: 1, max: 50, default: 20 },
  lr: { kind: 'number', label: 'Learning rate', min: 0.001, max: 1, step: 0.1, default: 0.05 },
  act: { kind: 'choice', label: 'Activation', options: ['relu', 'tanh'], optionLabels: { relu: 'ReLU' }, default: 'relu' },
  cmp: { kind: 'multi', label: 'Compare', options: ['a', 'b'], optionLabels: { a: 'A' }, default: [] },
  bn: { kind: 'bool', label: 'Batch norm', default: false },
  step: { kind: 'int', label: 'Step', min: 0, max: 100, default: 0 },
} satisfies Schema;

describe('changedSettings', () => {
  const base = { depth: 20, lr: 0.05, act: 'relu', cmp: ['a'], bn: false, step: 3 };
  it('names only what changed, with the labels a learner sees', () => {
    expect(changedSettings(schema, base, { ...base, depth: 21 })).toBe('Depth 21');
    expect(changedSettings(schema, base, { ...base, act: 'tanh', bn: true })).toBe('Activation tanh, Batch norm on');
    expect(changedSettings(schema, base, { ...base, act: 'relu', cmp: ['a', 'b'] })).toBe('Compare A + b');
    expect(changedSettings(schema, base, { ...base, cmp: [] })).toBe('Compare none');
  });
  it('is empty when nothing (or only an ignored key) changed; arrays compare by value', () => {
    expect(changedSettings(schema, base, { ...base, cmp: ['a'] })).toBe('');
    expect(changedSettings(schema, base, { ...base, step: 9 }, ['step'])).toBe('');
    expect(changedSettings(schema, base, { ...base, step: 9 })).toBe('Step 9');
  });
});
