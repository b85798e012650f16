/**
 * The saved-model format against hostile files: anything that is not a valid model is refused
 * with a reason and never half-accepted; a valid one round-trips exactly and its forward pass
 * matches a network worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { MODEL_LIMITS, parameterCount, parseModelText, serializeModel, validateModel, fileNameFor, type SavedModel } from './format';
import { compile, featurize, predictInto, predictPoints } from './mlp';

function good(): SavedModel {
  // 2 → 2 → 1, tanh: W0 = [[1, −1], [0.5, 2]], b0 = [0, 0.1]; W1 = [[2], [−1]], b1 = [0.3].
  return {
    format: 'ml-intuition-model',
    version: 1,
    name: 'Tiny net',
    kind: 'mlp',
    architecture: { sizes: [2, 2, 1], activation: 'tanh', output: 'sigmoid' },
    features: ['x1', 'x2'],
    weights: [1, -1, 0.5, 2, 0, 0.1, 2, -1, 0.3],
    source: { panel: 'overfitting', link: '/overfitting/?width=2&depth=1&seed=3' },
    savedAt: '2026-12-02T10:00:00.000Z',
    metrics: { validationAccuracy: 0.9, validationLoss: 0.3, epoch: 120 },
  };
}

const refused = (raw: unknown): string[] => {
  const v = validateModel(raw);
  expect(v.ok).toBe(false);
  return v.ok ? [] : v.problems;
};
const withRaw = (patch: (m: Record<string, unknown>) => void): unknown => {
  const m = JSON.parse(JSON.stringify(good())) as Record<string, unknown>;
  patch(m);
  return m;
};

describe('a valid model', () => {
  it('round-trips through its file text exactly', () => {
    const v = parseModelText(serializeModel(good()));
    expect(v.ok && v.model).toEqual(good());
  });
  it('counts its parameters', () => expect(parameterCount([2, 2, 1])).toBe(9));
  it('predicts what the network worked by hand gives', () => {
    const [a, b] = [0.4, -1.2];
    const h0 = Math.tanh(1 * a + 0.5 * b + 0), h1 = Math.tanh(-1 * a + 2 * b + 0.1);
    const z = 2 * h0 - 1 * h1 + 0.3;
    const p = predictPoints(good(), [a, b, 0, 0], 2);
    expect(p[0]).toBeCloseTo(1 / (1 + Math.exp(-z)), 14);
    expect(p[1]).toBeCloseTo(1 / (1 + Math.exp(-(2 * Math.tanh(0) - Math.tanh(0.1) + 0.3))), 14);
  });
  it('builds the polynomial features and applies ReLU', () => {
    const m = { ...good(), features: ['x1^2', 'sin(x2)'] as SavedModel['features'], architecture: { sizes: [2, 2, 1], activation: 'relu' as const, output: 'sigmoid' as const } };
    const X = featurize(m.features, [3, Math.PI / 2], 1);
    expect(Array.from(X)).toEqual([9, 1]);
    const out = predictInto(compile(m, 1), X, 1, new Float64Array(1));
    const h0 = Math.max(0, 9 * 1 + 1 * 0.5), h1 = Math.max(0, -9 + 2 + 0.1);
    expect(out[0]).toBeCloseTo(1 / (1 + Math.exp(-(2 * h0 - h1 + 0.3))), 14);
  });
  it('drops unknown keys and cleans its name', () => {
    const v = validateModel(withRaw((m) => {
      m.extra = { evil: true };
      m.name = 'My\u202e net\u0007';
    }));
    expect(v.ok).toBe(true);
    if (v.ok) {
      expect(v.model.name).toBe('My net');
      expect(Object.keys(v.model)).not.toContain('extra');
    }
  });
  it('makes a plain file name', () => expect(fileNameFor({ ...good(), name: '../../etc/passwd <b>' })).toBe('etc-passwd-b.model.json'));
});

describe('hostile files are refused with a reason', () => {
  it('not JSON, empty, too large', () => {
    for (const t of ['', 'nope', '{"format":', '<script>alert(1)</script>']) {
      const v = parseModelText(t);
      expect(v.ok).toBe(false);
      if (!v.ok) expect(v.problems[0]).toBe('it is not JSON');
    }
    const big = parseModelText(' '.repeat(MODEL_LIMITS.fileBytes + 1));
    expect(!big.ok && big.problems[0]).toMatch(/larger than/);
  });
  it('deep nesting does not throw', () => {
    const v = parseModelText('['.repeat(100000) + ']'.repeat(100000));
    expect(v.ok).toBe(false);
  });
  it('not an object, or another format', () => {
    for (const raw of [null, 3, 'x', [], [good()]]) expect(refused(raw)[0]).toBe('it is not a JSON object');
    expect(refused({ ...good(), format: 'onnx' })[0]).toMatch(/not a saved model/);
    expect(refused(withRaw((m) => delete m.format))[0]).toMatch(/not a saved model/);
  });
  it('a newer or a broken version', () => {
    expect(refused({ ...good(), version: 2 })[0]).toMatch(/newer than this app reads/);
    expect(refused({ ...good(), version: '1' })[0]).toMatch(/version is not 1/);
  });
  it('weights: wrong count, not numbers, infinite (1e999), too large', () => {
    expect(refused({ ...good(), weights: [1, 2, 3] }).join()).toMatch(/3 weights where its layers need 9/);
    expect(refused({ ...good(), weights: good().weights.map(String) }).join()).toMatch(/not a finite number/);
    expect(parseModelText(serializeModel(good()).replace('0.3\n', '1e999\n')).ok).toBe(false);
    expect(refused({ ...good(), weights: [...good().weights.slice(0, 8), 1e7] }).join()).toMatch(/within ±/);
    expect(refused({ ...good(), weights: 'AAAA' }).join()).toMatch(/no list of weights/);
  });
  it('architecture: too many layers, too wide, fractional, negative, no single output, odd activation', () => {
    const arch = (a: unknown) => ({ ...good(), architecture: a });
    expect(refused(arch({ sizes: Array(20).fill(2), activation: 'tanh', output: 'sigmoid' })).join()).toMatch(/layer sizes/);
    expect(refused(arch({ sizes: [2, 100000, 1], activation: 'tanh', output: 'sigmoid' })).join()).toMatch(/whole number/);
    expect(refused(arch({ sizes: [2, 2.5, 1], activation: 'tanh', output: 'sigmoid' })).join()).toMatch(/whole number/);
    expect(refused(arch({ sizes: [2, -3, 1], activation: 'tanh', output: 'sigmoid' })).join()).toMatch(/whole number/);
    expect(refused(arch({ sizes: [2, 2, 2], activation: 'tanh', output: 'sigmoid' })).join()).toMatch(/single output/);
    expect(refused(arch({ sizes: [2, 2, 1], activation: 'eval', output: 'sigmoid' })).join()).toMatch(/activation/);
    expect(refused(arch('2-2-1')).join()).toMatch(/no architecture/);
  });
  it('too many parameters', () => {
    const sizes = [2, 512, 512, 1];
    expect(refused({ ...good(), architecture: { sizes, activation: 'tanh', output: 'sigmoid' }, weights: [] }).join()).toMatch(/more than the 200000 allowed/);
  });
  it('features: unknown, repeated, wrong count', () => {
    expect(refused({ ...good(), features: ['x1', 'constructor'] }).join()).toMatch(/features are not a list/);
    expect(refused({ ...good(), features: ['x1', 'x1'] }).join()).toMatch(/twice/);
    expect(refused({ ...good(), features: ['x1'] }).join()).toMatch(/1 features for 2 inputs/);
  });
  it('source links outside the app, script URLs, markup', () => {
    for (const link of ['javascript:alert(1)', 'https://evil.example/', '//evil.example/x', '/overfitting/?a=<b>', '/../../x'])
      expect(refused({ ...good(), source: { panel: 'overfitting', link } }).join()).toMatch(/source link/);
    expect(refused({ ...good(), source: { panel: '<img src=x>', link: '/x/' } }).join()).toMatch(/source panel/);
  });
  it('no name, no date', () => {
    expect(refused({ ...good(), name: '   ' }).join()).toMatch(/no name/);
    expect(refused({ ...good(), savedAt: 'yesterday' }).join()).toMatch(/not a date/);
  });
  it('__proto__ and constructor keys change nothing', () => {
    const v = parseModelText(serializeModel(good()).replace('{', '{"__proto__": {"polluted": 1}, "constructor": {"x": 1},'));
    expect(v.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (v.ok) expect(Object.getPrototypeOf(v.model)).toBe(Object.prototype);
  });
  it('bad metrics are dropped, not trusted', () => {
    const v = validateModel({ ...good(), metrics: { validationAccuracy: 7, validationLoss: -1, epoch: 'x' } });
    expect(v.ok && v.model.metrics).toEqual({ validationAccuracy: null, validationLoss: null, epoch: null });
  });
});
