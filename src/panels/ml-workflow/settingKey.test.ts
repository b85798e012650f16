/* The worker's cache key (compute.worker.ts) tells every two settings the project differs on
   apart: it reads every field of the project's input, and changing any one field changes it. */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { inputOf, type WfInput } from './model';
import { schema } from './params';
import { KEY_FIELDS, settingKey } from './settingKey';

const base = inputOf(defaults(schema));

describe('settingKey', () => {
  it('reads every field of the project input, and no other', () => {
    expect([...KEY_FIELDS].sort()).toEqual(Object.keys(base).sort());
  });

  it('changes when any one field changes, and not when the object is a copy', () => {
    const other: WfInput = { target: 'sex', test: 0.25, folds: 6, impute: 'mean', scale: 'none', encode: 'ordinal', model: 'knn', tuning: 'test', leak: true, prepFit: 'all', seed: 2 };
    for (const f of Object.keys(base) as (keyof WfInput)[]) {
      expect(other[f]).not.toEqual(base[f]);
      expect(settingKey({ ...base, [f]: other[f] })).not.toBe(settingKey(base));
    }
    expect(settingKey({ ...base })).toBe(settingKey(base));
    // Test shares one step apart are different keys (each double prints as its own string).
    expect(settingKey({ ...base, test: 0.1 + 0.05 })).not.toBe(settingKey({ ...base, test: 0.15 }));
  });
});
