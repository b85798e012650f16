/**
 * The learner's sentence: cleaned, split into tokens, shortened for labels. Pure.
 * The text is only ever rendered as text (React text nodes and SVG <text>), never as markup.
 */

/** Most tokens the mechanics mode attends over; longer sentences are cut, with a message. */
export const MAX_TOKENS = 16;
/** Longest sentence the field accepts (characters). */
export const MAX_CHARS = 160;
/** Longest label drawn for one token; longer tokens are shortened with an ellipsis. */
export const LABEL_CHARS = 10;

/**
 * Printable characters only: control, format and unassigned code points are dropped (a pasted
 * zero-width joiner or a bidi override cannot disguise a label), runs of white space become one
 * space, and the result is cut to MAX_CHARS.
 */
export function sanitize(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trimStart()
    .slice(0, MAX_CHARS);
}

export interface Tokenized {
  tokens: string[];
  /** Tokens in the whole sentence, before cutting to MAX_TOKENS. */
  total: number;
}

/** Words (letters, marks, digits, apostrophes) and single punctuation marks are tokens. */
export function tokenize(text: string): Tokenized {
  const all = sanitize(text).match(/[\p{L}\p{M}\p{N}'’]+|[^\s\p{L}\p{M}\p{N}]/gu) ?? [];
  return { tokens: all.slice(0, MAX_TOKENS), total: all.length };
}

/** A short label for a token (whole code points, so no half surrogate pairs). */
export function tokenLabel(t: string): string {
  const cps = Array.from(t);
  return cps.length > LABEL_CHARS ? `${cps.slice(0, LABEL_CHARS - 1).join('')}…` : t;
}

/** The key a token's embedding is drawn from: case-folded, so "The" and "the" share one. */
export function tokenKey(t: string): string {
  return t.toLowerCase();
}
