/**
 * Panel state schemas. One entry per control: its type, range, default and label. The schema is
 * the single source of truth for the controls, the defaults, the URL keys and validation.
 * Pure: no React, no DOM.
 */

interface Base {
  label: string;
  /** One short sentence shown under the control (optional). */
  help?: string;
}

export interface NumberSpec extends Base {
  kind: 'number';
  min: number;
  max: number;
  /** Slider step in the slider's own space (log10 units when scale is 'log'). */
  step: number;
  default: number;
  scale?: 'linear' | 'log';
  /** Significant digits kept in the URL and the store (default 4). */
  digits?: number;
}

export interface IntSpec extends Base {
  kind: 'int';
  min: number;
  max: number;
  step?: number;
  default: number;
}

export interface ChoiceSpec<O extends string = string> extends Base {
  kind: 'choice';
  options: readonly O[];
  /** Human labels per option; the option word itself is what goes in the URL. */
  optionLabels?: Partial<Record<O, string>>;
  default: O;
}

export interface MultiSpec<O extends string = string> extends Base {
  kind: 'multi';
  options: readonly O[];
  optionLabels?: Partial<Record<O, string>>;
  default: readonly O[];
  /** Fewest options that may be selected (default 0). */
  minCount?: number;
}

export interface BoolSpec extends Base {
  kind: 'bool';
  default: boolean;
}

/** A fixed-length list of numbers, e.g. a start point "x,y". */
export interface VecSpec extends Base {
  kind: 'vec';
  length: number;
  min: number;
  max: number;
  default: readonly number[];
  digits?: number;
}

/** Free text typed by the learner (e.g. a sentence). Untrusted: control and bidi-override
 *  characters are removed, the length is capped, and views render it only as text. */
export interface TextSpec extends Base {
  kind: 'text';
  default: string;
  maxLength: number;
}

export type ParamSpec = NumberSpec | IntSpec | ChoiceSpec | MultiSpec | BoolSpec | VecSpec | TextSpec;
export type Schema = Record<string, ParamSpec>;

type ValueOf<P extends ParamSpec> = P extends NumberSpec | IntSpec
  ? number
  : P extends ChoiceSpec<infer O>
    ? O
    : P extends MultiSpec<infer O>
      ? O[]
      : P extends BoolSpec
        ? boolean
        : P extends VecSpec
          ? number[]
          : P extends TextSpec
            ? string
            : never;

export type Params<S extends Schema> = { -readonly [K in keyof S]: ValueOf<S[K]> };

/** Identity helper that keeps literal option types: `defineSchema({ ... } as const)`. */
export function defineSchema<const S extends Schema>(s: S): S {
  return s;
}

/** Largest seed a link may carry; the same range in every panel. */
export const SEED_MAX = 99999;

/** The seed control every panel with randomness has (set by SeedButton, not a slider). */
export function seedSpec<const D extends number>(defaultSeed: D) {
  return { kind: 'int', label: 'Seed', min: 0, max: SEED_MAX, default: defaultSeed } as const;
}

export function defaults<S extends Schema>(schema: S): Params<S> {
  const out: Record<string, unknown> = {};
  for (const [k, spec] of Object.entries(schema)) {
    const d = spec.default;
    out[k] = Array.isArray(d) ? [...d] : d;
  }
  return out as Params<S>;
}

/** Rounds to `digits` significant digits, so the URL stays short and round-trips exactly. */
export function roundSig(v: number, digits: number): number {
  if (v === 0 || !Number.isFinite(v)) return v;
  return Number(v.toPrecision(digits));
}

// C0/C1 controls and the bidirectional overrides that can make text display out of order.
// eslint-disable-next-line no-control-regex
export const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * Brings one value into its spec's domain. Returns the repaired value and, if it had to change
 * anything beyond rounding, a reason in words.
 */
export function coerce(spec: ParamSpec, raw: unknown): { value: unknown; problem?: string } {
  switch (spec.kind) {
    case 'number':
    case 'int': {
      const v = typeof raw === 'number' ? raw : Number.NaN;
      if (!Number.isFinite(v)) return { value: spec.default, problem: 'is not a number' };
      let c = clamp(v, spec.min, spec.max);
      c = spec.kind === 'int' ? Math.round(c) : roundSig(c, spec.digits ?? 4);
      c = c + 0; // -0 becomes 0: the link writes it as 0, so the store must hold what its link says
      const problem = v < spec.min ? `is below the minimum ${spec.min}` : v > spec.max ? `is above the maximum ${spec.max}` : undefined;
      return { value: c, problem };
    }
    case 'choice':
      return (spec.options as readonly unknown[]).includes(raw)
        ? { value: raw }
        : { value: spec.default, problem: 'is not one of the choices' };
    case 'multi': {
      if (!Array.isArray(raw)) return { value: [...spec.default], problem: 'is not a list of choices' };
      const ok = spec.options.filter((o) => raw.includes(o));
      if (ok.length < (spec.minCount ?? 0)) return { value: [...spec.default], problem: 'selects too few choices' };
      return { value: ok, problem: ok.length !== raw.length ? 'names unknown or repeated choices' : undefined };
    }
    case 'bool':
      return typeof raw === 'boolean' ? { value: raw } : { value: spec.default, problem: 'is not on/off' };
    case 'text': {
      if (typeof raw !== 'string') return { value: spec.default, problem: 'is not text' };
      const cleaned = raw.replace(UNSAFE_TEXT, '');
      const cut = Array.from(cleaned).slice(0, spec.maxLength).join('');
      const problem = cut.length < cleaned.length ? `is longer than ${spec.maxLength} characters and was cut` : cleaned !== raw ? 'held control characters, which were removed' : undefined;
      return { value: cut, problem };
    }
    case 'vec': {
      if (!Array.isArray(raw) || raw.length !== spec.length || raw.some((x) => typeof x !== 'number' || !Number.isFinite(x)))
        return { value: [...spec.default], problem: `is not a list of ${spec.length} numbers` };
      const c = raw.map((x: number) => roundSig(clamp(x, spec.min, spec.max), spec.digits ?? 4) + 0); // no -0
      const out = raw.some((x: number) => x < spec.min || x > spec.max);
      return { value: c, problem: out ? `is outside ${spec.min}…${spec.max}` : undefined };
    }
  }
}
