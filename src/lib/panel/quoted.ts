/**
 * Numbers quoted in teaching text, tied to the model that produces them (issue 16).
 *
 * A "Try this" notice that says "scores about 0.94" is a claim about the model at that state. A
 * panel's experiments.test.ts computes the model at each experiment's params and hands every
 * number the text quotes to `expectQuoted` with the value it should be. Every numeric token of
 * the text must be accounted for, so a number added to a notice without a check fails the test,
 * and a model change that moves a quoted number fails it too instead of leaving a stale sentence.
 *
 * Pure and framework-free: it throws an Error, which vitest reports as a failure.
 */

const SUP: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-' };

// A number as a learner reads it: 10⁻⁴ (a power of ten), −0.3, 1,000, 0.94, 94. Digits glued to a
// letter (F1, L2, x2, n_in) are names, not quantities, and are skipped by the look-behind.
const TOKEN = /(?<![\p{L}_\d.,])(?:10[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+|[−-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[−-]?\d+(?:\.\d+)?)(?![\p{L}_\d])/gu;

/** Every numeric token in `text`, as written (superscripts and thousands separators kept). */
export function quotedNumbers(text: string): string[] {
  return [...text.matchAll(TOKEN)].map((m) => m[0]);
}

/** The value a token denotes: "10⁻⁴" → 1e-4, "−0.3" → -0.3, "1,000" → 1000. */
export function tokenValue(token: string): number {
  if (/^10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(token) && /[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(token)) {
    const exp = [...token.slice(2)].map((c) => SUP[c] ?? c).join('');
    return 10 ** Number(exp);
  }
  return Number(token.replace(/,/g, '').replace('−', '-'));
}

/**
 * How far a value may sit from a token and still be "what the text says": half a unit of the
 * last written digit (0.94 → ±0.005, 12 → ±0.5), or, for a power of ten, within a factor √10.
 */
export function withinStated(token: string, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  const q = tokenValue(token);
  if (/[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(token)) return value > 0 && Math.abs(Math.log10(value) - Math.log10(q)) <= 0.5;
  const decimals = token.includes('.') ? token.split('.')[1].length : 0;
  return Math.abs(value - q) <= 0.5 * 10 ** -decimals + 1e-12 * Math.abs(q);
}

/**
 * What a test says about each token: the model's value (checked to the stated precision), an
 * explicit tolerance where the text says "about" over noisy sampling, or `'setting'` for a number
 * that restates a control or a fixed fact (200 shuffles, 5 folds, a 2-4-2 network).
 */
export type Fact = number | { value: number; tol: number } | 'setting';

/** A bound the text states ("under 0.02", "at most 5"): holds when the model's value `v` is at most `quoted`. */
export const atMost = (quoted: number, v: number): Fact => ({ value: v <= quoted ? quoted : v, tol: 0 });
/** A bound the text states ("over 10⁴", "at least 3"): holds when the model's value `v` is at least `quoted`. */
export const atLeast = (quoted: number, v: number): Fact => ({ value: v >= quoted ? quoted : v, tol: 0 });

/**
 * Throws unless every numeric token in `text` has a fact and every fact holds. A fact for a
 * token the text does not contain also throws, so a test cannot drift from its sentence.
 */
export function expectQuoted(text: string, facts: Readonly<Record<string, Fact>>): void {
  const tokens = quotedNumbers(text);
  const problems: string[] = [];
  for (const t of new Set(tokens)) {
    const f = facts[t];
    if (f === undefined) problems.push(`"${t}" is quoted but no test checks it`);
    else if (f === 'setting') continue;
    else if (typeof f === 'number') {
      if (!withinStated(t, f)) problems.push(`"${t}" is quoted but the model gives ${f}`);
    } else if (!(Math.abs(f.value - tokenValue(t)) <= f.tol)) {
      problems.push(`"${t}" is quoted but the model gives ${f.value} (allowed ±${f.tol})`);
    }
  }
  for (const k of Object.keys(facts)) if (!tokens.includes(k)) problems.push(`a fact for "${k}", which the text does not quote`);
  if (problems.length) throw new Error(`${problems.join('; ')}\n  in: ${text}`);
}
