/**
 * The saved-model format: a network trained in one panel (the overfitting panel's MLP) written as
 * plain JSON, so another panel (deployment) can load it back from this browser's storage or from
 * a file. Everything read back is untrusted: `validateModel` builds a fresh object from checked
 * fields only (unknown keys are dropped, never merged), caps every size and length, and says in
 * words what is wrong. Strings it returns are for display as text only. Pure: no DOM.
 *
 * Layout of `weights` (the overfitting panel's θ): layer by layer, the weight matrix W [in, out]
 * row-major (W[i·out + j] joins input i to unit j), then the biases b [out]. Hidden layers apply
 * `activation`; the single output is a logit, its sigmoid the probability of class 1.
 */

export const MODEL_FORMAT = 'ml-intuition-model';
export const MODEL_VERSION = 1;

/** Limits on what a file may hold: far above any network the panels train, far below a frozen tab. */
export const MODEL_LIMITS = {
  fileBytes: 2_000_000,
  layers: 12,
  width: 512,
  parameters: 200_000,
  nameLength: 80,
  linkLength: 2000,
  absWeight: 1e6,
} as const;

/** Input features a saved model may use, computed from a 2-D point (x1, x2). */
export const FEATURES = ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)'] as const;
export type Feature = (typeof FEATURES)[number];

export type Activation = 'tanh' | 'relu';

export interface SavedModel {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  name: string;
  kind: 'mlp';
  architecture: { sizes: number[]; activation: Activation; output: 'sigmoid' };
  features: Feature[];
  weights: number[];
  /** Which panel trained it, and the link (path and query) that trains it again. */
  source: { panel: string; link: string };
  /** ISO 8601. */
  savedAt: string;
  /** What the training panel measured, if it said. */
  metrics: { validationAccuracy: number | null; validationLoss: number | null; epoch: number | null };
}

export type Validation = { ok: true; model: SavedModel } | { ok: false; problems: string[] };

/** Number of parameters of layer widths `sizes` (weights and biases). */
export function parameterCount(sizes: readonly number[]): number {
  let n = 0;
  for (let l = 0; l + 1 < sizes.length; l++) n += sizes[l] * sizes[l + 1] + sizes[l + 1];
  return n;
}

// C0/C1 controls and the bidirectional overrides that can make text display out of order.
// eslint-disable-next-line no-control-regex
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Record<string, unknown>, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

function text(v: unknown, max: number): string | null {
  if (typeof v !== 'string') return null;
  return Array.from(v.replace(UNSAFE_TEXT, '')).slice(0, max).join('');
}

/** A same-site link: a path of lower-case words and an optional query of plain characters. */
const SAFE_LINK = /^\/[a-z0-9-]+\/?(\?[A-Za-z0-9._~%=&,+-]*)?$/;
const SAFE_PANEL = /^[a-z0-9-]{1,40}$/;

function optionalNumber(v: unknown, lo: number, hi: number): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi ? v : null;
}

/** Checks a parsed value against the format; returns a clean copy or the problems in words. */
export function validateModel(raw: unknown): Validation {
  const problems: string[] = [];
  if (!isObject(raw)) return { ok: false, problems: ['it is not a JSON object'] };
  if (own(raw, 'format') !== MODEL_FORMAT) return { ok: false, problems: [`it is not a saved model (no "format": "${MODEL_FORMAT}")`] };
  const version = own(raw, 'version');
  if (typeof version === 'number' && version > MODEL_VERSION) return { ok: false, problems: [`it was saved in format version ${Math.floor(version)}, newer than this app reads (${MODEL_VERSION})`] };
  if (version !== MODEL_VERSION) return { ok: false, problems: [`its format version is not ${MODEL_VERSION}`] };
  if (own(raw, 'kind') !== 'mlp') problems.push('its kind is not "mlp" (the only kind this app serves)');

  const arch = own(raw, 'architecture');
  let sizes: number[] = [];
  let activation: Activation = 'tanh';
  if (!isObject(arch)) problems.push('it has no architecture');
  else {
    const s = own(arch, 'sizes');
    if (!Array.isArray(s) || s.length < 2 || s.length > MODEL_LIMITS.layers + 1) problems.push(`its layer sizes are not a list of 2 to ${MODEL_LIMITS.layers + 1} numbers`);
    else if (!s.every((v) => Number.isInteger(v) && v >= 1 && v <= MODEL_LIMITS.width)) problems.push(`a layer size is not a whole number from 1 to ${MODEL_LIMITS.width}`);
    else if (s[s.length - 1] !== 1) problems.push('its last layer is not a single output');
    else sizes = s as number[];
    const a = own(arch, 'activation');
    if (a === 'tanh' || a === 'relu') activation = a;
    else problems.push('its activation is neither "tanh" nor "relu"');
    if (own(arch, 'output') !== 'sigmoid') problems.push('its output is not "sigmoid"');
  }
  const count = sizes.length ? parameterCount(sizes) : 0;
  if (count > MODEL_LIMITS.parameters) problems.push(`it has ${count} parameters, more than the ${MODEL_LIMITS.parameters} allowed`);

  const f = own(raw, 'features');
  let features: Feature[] = [];
  if (!Array.isArray(f) || f.length > FEATURES.length || !f.every((x) => (FEATURES as readonly unknown[]).includes(x))) problems.push(`its features are not a list drawn from ${FEATURES.join(', ')}`);
  else if (new Set(f).size !== f.length) problems.push('it names a feature twice');
  else {
    features = f as Feature[];
    if (sizes.length && features.length !== sizes[0]) problems.push(`it names ${features.length} features for ${sizes[0]} inputs`);
  }

  const w = own(raw, 'weights');
  let weights: number[] = [];
  if (!Array.isArray(w)) problems.push('it has no list of weights');
  else if (w.length > MODEL_LIMITS.parameters) problems.push(`it has more than ${MODEL_LIMITS.parameters} weights`);
  else if (!w.every((v) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= MODEL_LIMITS.absWeight)) problems.push(`a weight is not a finite number within ±${MODEL_LIMITS.absWeight}`);
  else if (sizes.length && w.length !== count) problems.push(`it has ${w.length} weights where its layers need ${count}`);
  else weights = (w as number[]).slice();

  const name = text(own(raw, 'name'), MODEL_LIMITS.nameLength);
  if (name === null || !name.trim()) problems.push('it has no name');

  const src = own(raw, 'source');
  let source = { panel: '', link: '' };
  if (!isObject(src)) problems.push('it does not say which panel made it');
  else {
    const panel = own(src, 'panel'), link = own(src, 'link');
    if (typeof panel !== 'string' || !SAFE_PANEL.test(panel)) problems.push('its source panel is not a panel name');
    else if (typeof link !== 'string' || link.length > MODEL_LIMITS.linkLength || !SAFE_LINK.test(link)) problems.push('its source link is not a link into this app');
    else source = { panel, link };
  }
  const savedAt = text(own(raw, 'savedAt'), 40);
  if (savedAt === null || Number.isNaN(Date.parse(savedAt))) problems.push('its save date is not a date');

  const m = own(raw, 'metrics');
  const metrics = isObject(m)
    ? { validationAccuracy: optionalNumber(own(m, 'validationAccuracy'), 0, 1), validationLoss: optionalNumber(own(m, 'validationLoss'), 0, 1e6), epoch: optionalNumber(own(m, 'epoch'), 0, 1e9) }
    : { validationAccuracy: null, validationLoss: null, epoch: null };

  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    model: {
      format: MODEL_FORMAT,
      version: MODEL_VERSION,
      name: name!.trim(),
      kind: 'mlp',
      architecture: { sizes: sizes.slice(), activation, output: 'sigmoid' },
      features: features.slice(),
      weights,
      source,
      savedAt: savedAt!,
      metrics,
    },
  };
}

/** Reads a file's text: too large, not JSON or not a valid model → the problems; nothing thrown. */
export function parseModelText(textIn: string): Validation {
  if (textIn.length > MODEL_LIMITS.fileBytes) return { ok: false, problems: [`it is larger than ${MODEL_LIMITS.fileBytes / 1e6} MB`] };
  let raw: unknown;
  try {
    raw = JSON.parse(textIn);
  } catch {
    return { ok: false, problems: ['it is not JSON'] };
  }
  return validateModel(raw);
}

export function serializeModel(m: SavedModel): string {
  return JSON.stringify(m, null, 1);
}

/** "2 → 16 → 16 → 1, tanh": the layer widths, inputs first. */
export function describeArchitecture(m: SavedModel): string {
  return `${m.architecture.sizes.join(' → ')}, ${m.architecture.activation}`;
}

/** A file name for the model: its name in plain characters. */
export function fileNameFor(m: SavedModel): string {
  const base = m.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'model';
  return `${base}.model.json`;
}
