/**
 * The saved-model format against hostile files: anything that is not a valid model is refused
 * with a reason and never half-accepted; a valid one round-trips exactly and its forward pass
 * matches a network worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { describeArchitecture, MODEL_LIMITS, parameterCount, parseModelText, serializeModel, validateModel, fileNameFor, type SavedModel } from './format';
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

/** The words of each refusal, and every limit at its edge: the largest value allowed passes, the next fails. */
describe('limits at their edges, and the words a learner reads', () => {
  const problems = (raw: unknown) => refused(raw);
  const arch = (sizes: number[], extra: Record<string, unknown> = {}) => ({ sizes, activation: 'tanh', output: 'sigmoid', ...extra });
  const sized = (sizes: number[]) => ({ ...good(), architecture: arch(sizes), features: ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)'].slice(0, sizes[0]), weights: Array(parameterCount(sizes)).fill(0) });

  it('versions and kinds, word for word', () => {
    expect(problems({ ...good(), version: 2.7 })).toEqual(['it was saved in format version 2, newer than this app reads (1)']);
    expect(problems({ ...good(), version: 0 })).toEqual(['its format version is not 1']);
    expect(problems({ ...good(), version: '2' })).toEqual(['its format version is not 1']); // a string is no version
    const relu = validateModel({ ...good(), architecture: arch([2, 2, 1], { activation: 'relu' }) });
    expect(relu.ok && relu.model.architecture.activation).toBe('relu');
    expect(problems({ ...good(), format: 'x' })).toEqual(['it is not a saved model (no "format": "ml-intuition-model")']);
    expect(problems({ ...good(), kind: 'cnn' })).toEqual(['its kind is not "mlp" (the only kind this app serves)']);
    expect(problems({ ...good(), architecture: arch([2, 2, 1], { output: 'softmax' }) })).toEqual(['its output is not "sigmoid"']);
    expect(problems({ ...good(), architecture: arch([2, 2, 1], { activation: 'gelu' }) })).toEqual(['its activation is neither "tanh" nor "relu"']);
  });

  it('layers: 2 to 13 sizes, each a whole number 1…512, the last one 1', () => {
    expect(validateModel(sized([2, 1])).ok).toBe(true);
    expect(validateModel(sized([7, 2, 1])).ok).toBe(true); // all seven features
    expect(validateModel(sized([2, ...Array(11).fill(3), 1])).ok).toBe(true); // 13 sizes
    expect(problems(sized([2, ...Array(12).fill(3), 1]))).toEqual(['its layer sizes are not a list of 2 to 13 numbers']);
    expect(problems({ ...good(), architecture: arch([1]) })).toContain('its layer sizes are not a list of 2 to 13 numbers');
    expect(validateModel(sized([1, 512, 1])).ok).toBe(true);
    expect(problems(sized([1, 513, 1]))).toContain('a layer size is not a whole number from 1 to 512');
    expect(problems({ ...good(), architecture: arch([2, 0, 1]) })).toContain('a layer size is not a whole number from 1 to 512');
    expect(problems({ ...good(), architecture: arch([2, 2, 2]) })).toContain('its last layer is not a single output');
  });

  it('parameters: at most 200,000, and the count the layers need', () => {
    // 2 → 1 → 398 → 498 → 1: (2 + 1)·1 + (1 + 1)·398 + (398 + 1)·498 + (498 + 1)·1 = 200,000 exactly: allowed.
    expect(parameterCount([2, 1, 398, 498, 1])).toBe(200_000);
    expect(validateModel(sized([2, 1, 398, 498, 1])).ok).toBe(true);
    // One more unit in the last hidden layer adds 398 + 1 + 1 = 400: refused, with the count.
    expect(problems(sized([2, 1, 398, 499, 1]))).toEqual(['it has 200400 parameters, more than the 200000 allowed', 'it has more than 200000 weights']);
    expect(problems({ ...good(), weights: Array(200_001).fill(0) })).toContain('it has more than 200000 weights');
    expect(problems({ ...good(), weights: [1, 2, 3] })).toEqual(['it has 3 weights where its layers need 9']);
  });

  it('weights: within ±1e6, ends included', () => {
    const w = (x: number) => ({ ...good(), weights: [x, x, 0, 0, 0, 0, 0, 0, 0] });
    expect(validateModel(w(1e6)).ok).toBe(true);
    expect(validateModel(w(-1e6)).ok).toBe(true);
    expect(problems(w(1.000001e6))).toEqual(['a weight is not a finite number within ±1000000']);
    expect(problems(w(NaN))).toEqual(['a weight is not a finite number within ±1000000']);
  });

  it('features: at most the seven known ones, each once, one per input', () => {
    expect(problems({ ...good(), features: ['x1', 'x9'] })).toEqual(['its features are not a list drawn from x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2)']);
    expect(problems({ ...good(), features: 'x1,x2' })).toEqual(['its features are not a list drawn from x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2)']);
    expect(problems({ ...good(), features: Array(8).fill('x1') })[0]).toMatch(/^its features are not a list/);
    expect(problems({ ...good(), features: ['x2', 'x2'] })).toEqual(['it names a feature twice']);
    expect(problems({ ...good(), features: ['x1', 'x2', 'x1^2'] })).toEqual(['it names 3 features for 2 inputs']);
  });

  it('name: control characters removed, cut to 80 characters, trimmed', () => {
    const named = (name: unknown) => validateModel({ ...good(), name });
    const long = named(`  ${'n'.repeat(100)}`);
    expect(long.ok && long.model.name).toBe('n'.repeat(78)); // 80 characters kept, then trimmed
    const ctl = named('a\u0000b\u202ec');
    expect(ctl.ok && ctl.model.name).toBe('abc');
    expect(problems({ ...good(), name: 7 })).toEqual(['it has no name']);
    expect(problems({ ...good(), name: '\u0007\u0007' })).toEqual(['it has no name']);
  });

  it('source: a panel name and a link into this app, each checked', () => {
    const src = (source: unknown) => ({ ...good(), source });
    expect(validateModel(src({ panel: 'a-1', link: '/a-1' })).ok).toBe(true);
    expect(validateModel(src({ panel: 'p'.repeat(40), link: '/p/?a=1&b=x,y+z~.%20_' })).ok).toBe(true);
    expect(problems(src({ panel: 'p'.repeat(41), link: '/p/' }))).toEqual(['its source panel is not a panel name']);
    expect(problems(src({ panel: 'Over', link: '/p/' }))).toEqual(['its source panel is not a panel name']);
    expect(problems(src({ panel: '', link: '/p/' }))).toEqual(['its source panel is not a panel name']);
    expect(problems(src({ panel: 3, link: '/p/' }))).toEqual(['its source panel is not a panel name']);
    expect(problems(src({ panel: 'p', link: 3 }))).toEqual(['its source link is not a link into this app']);
    expect(problems(src({ panel: 'p', link: ['/p/'] }))).toEqual(['its source link is not a link into this app']); // reads as "/p/" in a regex
    expect(problems(src({ panel: 'p', link: 'p/' }))).toEqual(['its source link is not a link into this app']);
    expect(problems(src({ panel: 'p', link: '/p/x' }))).toEqual(['its source link is not a link into this app']);
    expect(problems(src({ panel: 'p', link: '/p/?a=1\n' }))).toEqual(['its source link is not a link into this app']);
    const at = (n: number) => `/p/?a=${'1'.repeat(n - 6)}`;
    expect(validateModel(src({ panel: 'p', link: at(2000) })).ok).toBe(true);
    expect(problems(src({ panel: 'p', link: at(2001) }))).toEqual(['its source link is not a link into this app']);
    expect(problems(src('overfitting'))).toEqual(['it does not say which panel made it']);
  });

  it('save date: any date Date.parse reads, cut to 40 characters', () => {
    expect(validateModel({ ...good(), savedAt: '2026-12-02' }).ok).toBe(true);
    expect(problems({ ...good(), savedAt: 20261202 })).toEqual(['its save date is not a date']);
    // The long form Date.toString() writes, cut after 40 characters (inside its parenthesis).
    const cut = validateModel({ ...good(), savedAt: 'Wed Dec 02 2026 10:00:00 GMT+0000 (Coordinated Universal Time)' });
    expect(cut.ok && cut.model.savedAt).toBe('Wed Dec 02 2026 10:00:00 GMT+0000 (Coord');
  });

  it('metrics: kept within their ranges, ends included; missing ones are null', () => {
    const m = (metrics: unknown) => {
      const v = validateModel({ ...good(), metrics });
      return v.ok ? v.model.metrics : null;
    };
    expect(m({ validationAccuracy: 0, validationLoss: 0, epoch: 0 })).toEqual({ validationAccuracy: 0, validationLoss: 0, epoch: 0 });
    expect(m({ validationAccuracy: 1, validationLoss: 1e6, epoch: 1e9 })).toEqual({ validationAccuracy: 1, validationLoss: 1e6, epoch: 1e9 });
    expect(m({ validationAccuracy: 1.01, validationLoss: 1.1e6, epoch: 1.1e9 })).toEqual({ validationAccuracy: null, validationLoss: null, epoch: null });
    expect(m({ validationAccuracy: -0.1, validationLoss: Infinity })).toEqual({ validationAccuracy: null, validationLoss: null, epoch: null });
    expect(m(undefined)).toEqual({ validationAccuracy: null, validationLoss: null, epoch: null });
    expect(m([0.5])).toEqual({ validationAccuracy: null, validationLoss: null, epoch: null });
  });

  it('a clean model is a copy: changing the input afterwards changes nothing', () => {
    const raw = good();
    const v = validateModel(raw);
    raw.weights[0] = 99;
    raw.architecture.sizes[0] = 9;
    raw.features[0] = 'sin(x1)';
    expect(v.ok && [v.model.weights[0], v.model.architecture.sizes[0], v.model.features[0]]).toEqual([1, 2, 'x1']);
  });

  it('file text: one space of indent; the file is refused past 2 MB', () => {
    expect(serializeModel(good())).toBe(JSON.stringify(good(), null, 1));
    expect(serializeModel(good()).split('\n')[1]).toBe(' "format": "ml-intuition-model",');
    expect(parseModelText(' '.repeat(MODEL_LIMITS.fileBytes + 1))).toEqual({ ok: false, problems: ['it is larger than 2 MB'] });
    expect(parseModelText(' '.repeat(MODEL_LIMITS.fileBytes - 2) + '{}')).toEqual({ ok: false, problems: ['it is not a saved model (no "format": "ml-intuition-model")'] });
  });

  it('describes the architecture and names the file in plain characters', () => {
    expect(describeArchitecture(good())).toBe('2 → 2 → 1, tanh');
    expect(fileNameFor({ ...good(), name: 'My Net (v2)' })).toBe('my-net-v2.model.json');
    expect(fileNameFor({ ...good(), name: '!!!' })).toBe('model.model.json');
    expect(fileNameFor({ ...good(), name: '-a-' })).toBe('a.model.json');
    expect(fileNameFor({ ...good(), name: 'x'.repeat(50) })).toBe(`${'x'.repeat(40)}.model.json`);
  });
});
